import Testing
@testable import WinnowCore

struct LineShapeTests {
    func shape(_ s: String) -> LineShape { LineShape(normalized: Support.normalized(s)) }

    @Test func datesAndTimes() {
        #expect(shape("2023-06-04 19:49:00").dateOnly)
        #expect(shape("2023年6月4日").dateOnly)
        #expect(shape("发布时间：2021-01-12 20:48:56").hasDate)
        #expect(!shape("发布时间：2021-01-12 20:48:56").dateOnly)
        #expect(!shape("全国铁路预计发送旅客840万人次。").hasDate)
    }

    /// A clock time alone is no calendar date: in a forecast it is a figure, not a page's stamp.
    @Test func clockTimesAreNoCalendarDates() {
        #expect(shape("Sunrise 7:52 a.m., sunset 5:31 p.m.").hasDate)
        #expect(!shape("Sunrise 7:52 a.m., sunset 5:31 p.m.").hasCalendarDate)
        #expect(shape("2019-12-22 10:38:39 | Updated 2021-02-13").hasCalendarDate)
        #expect(shape("2020年12月24日").hasCalendarDate)
        #expect(shape("6月4日 19:49").hasCalendarDate)
    }

    /// A line of clock times states figures: it keys on them, so a forecast's sunrise line is not
    /// a site's template for recurring with other times (a page's stamp, with a date, still is).
    @Test func clockTimesAreFigures() {
        #expect(shape("Sunrise 7:52 a.m., sunset 5:31 p.m.").statesFigures)
        #expect(shape("Sunrise 7:52 a.m., sunset 5:31 p.m.").key != shape("Sunrise 7:50 a.m., sunset 5:31 p.m.").key)
        #expect(!shape("2019-12-22 10:38:39 | Updated 2021-02-13").statesFigures)
        #expect(shape("发布时间：2021-01-12 20:48:56").key == shape("发布时间：2022-03-17 08:02:11").key)
    }

    @Test func otherScripts() {
        #expect(shape("2025년 5월 5일").dateOnly)
        #expect(shape("هل هذا صحيح؟").endsWithTerminal)
        #expect(shape("यह एक वाक्य है।").endsWithTerminal)
        #expect(shape("Москва, 5 мая. Президент выступил").innerPunctuation > 0)
        #expect(shape("東京都は5日、新しい計画を発表した。").endsWithTerminal)
    }

    @Test func truncation() {
        #expect(shape("...抓铁有痕”的坚韧劲头,奋力谱写新篇章。").leadingEllipsis)
        #expect(shape("国务院新闻办今天举行新闻发布会…").trailingEllipsis)
        #expect(shape("Charles Kennedy has said the party...").trailingEllipsis)
        #expect(!shape("这是完整的一句话。").isTruncated)
        // Listings mark cuts in many ways.
        for cut in ["The minister said the plan would [...]", "The minister said the plan would […]", "国务院新闻办今天举行新闻发布会。。。",
                    "The minister said the plan would (more)", "国务院新闻办今天举行新闻发布会 更多>>", "国务院新闻办今天举行新闻发布会…全文",
                    "国务院新闻办今天举行新闻发布会[详细]", "The minister said the plan would... Read more", "The minister said the plan would »Read more»"] {
            #expect(shape(cut).trailingEllipsis, "\(cut)")
        }
        for whole in ["He wanted one more", "请点击查看更多", "These are the details (more below)."] {
            #expect(!shape(whole).trailingEllipsis, "\(whole)")
        }
    }

    @Test func terminalPunctuation() {
        #expect(shape("这是完整的一句话。").endsWithTerminal)
        #expect(shape("He said it was over.\"").endsWithTerminal)
        #expect(!shape("垦利区垦利街道以楼栋微自治开启社区治理新篇章").endsWithTerminal)
        #expect(shape("信息原文地址:").endsWithColon)
    }

    @Test func linesAnnouncingWhatFollows() {
        #expect(shape("部分工具如下所示。").introducesNext)
        #expect(shape("漏洞利用结果如图").introducesNext)
        #expect(shape("使用声明：").introducesNext)
        #expect(shape("The results are shown below.").introducesNext)
        #expect(!shape("这是完整的一句话。").introducesNext)
        #expect(!shape("所示内容仅供参考，请以实际为准。").introducesNext)
        // A colon alone announces a value or a notice; words announce a figure.
        #expect(shape("结果如下：").announcesFigure)
        #expect(!shape("扫码加入：").announcesFigure && shape("扫码加入：").introducesNext)
    }

    @Test func breadcrumbs() {
        #expect(shape("首页 > 新闻中心 > 财经").separators >= 2)
        #expect(shape("World | Business | Sport | Tech").separators >= 2)
        #expect(shape("• 我的订阅").bulleted)
        #expect(shape("保罗·路德和拉什达·琼斯等出席了首映式，现场气氛热烈。").innerPunctuation > 0)
    }

    @Test func keysMaskDigitsAndSpaces() {
        #expect(shape("快照生成时间:2023-06-05 12:45:03").key == shape("快照生成时间: 2024-11-28 04:04:35").key)
        #expect(shape("责任编辑：刘洋").key != shape("责任编辑：李娜").key)
        // Figures are content: a report line keys on its numbers; one counter is masked.
        #expect(shape("Net 807,000 vs 2,858,000").key != shape("Net 1,204,000 vs 1,118,000").key)
        #expect(shape("Net 807,000 vs 2,858,000").key == shape("Net  807,000 vs 2,858,000").key)
        #expect(shape("阅读 1234").key == shape("阅读 87").key)
        // A sentence stating one figure is a filled-in template's row ("最低气温14℃" in one city's
        // forecast, 7℃ in another's), not a counter; a dated sentence stays masked.
        #expect(shape("今天夜间，晴，最低气温14℃。").key != shape("今天夜间，晴，最低气温7℃。").key)
        #expect(shape("Tonight: Clear. Low 58F.").key != shape("Tonight: Clear. Low 61F.").key)
        #expect(shape("Views: 399").key == shape("Views: 12").key)
        #expect(shape("本文更新于2021年3月5日。").key == shape("本文更新于2023年11月2日。").key)
        // So is a line announcing what follows with one figure: the round a results table is of.
        #expect(shape("职业篮球联赛第30轮比赛结果如下：").key != shape("职业篮球联赛第27轮比赛结果如下：").key)
        #expect(shape("Results of round 4:").key != shape("Results of round 12:").key)
        #expect(shape("第3页").key == shape("第12页").key)
    }

    @Test func sizes() {
        #expect(shape("新闻联播").size == 4)
        #expect(shape("four words in english").size == 6)
        #expect(shape("   ").isBlank)
    }
}
