import Testing
@testable import WinnowCore
@testable import WinnowIO

/// A page in the style of a Chinese news portal (text written for this test).
extension HTMLTests {
    static let portalPage = """
    <!DOCTYPE html>
    <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    <title>我市新建三座城市公园 市民休闲有了新去处_国内新闻_华夏在线网</title>
    <meta name="keywords" content="城市公园,园林局"><meta name="publishdate" content="2024-03-15 09:30:00">
    <script type="text/javascript">var _hmt = _hmt || []; document.write('<div>统计代码</div>');</script>
    <link rel="stylesheet" href="/css/style.css"></head>
    <body>
    <div class="top-bar"><a href="/">华夏在线首页</a> | <a href="/login">登录</a><a href="/reg">注册</a></div>
    <div id="header"><div class="logo"><a href="/"><img src="/logo.png" alt="华夏在线"></a></div>
    <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">新闻</a></li><li><a href="/guonei/">国内</a></li>
    <li><a href="/guoji/">国际</a></li><li><a href="/tiyu/">体育</a></li><li><a href="/caijing/">财经</a></li></ul></div>
    <div class="search"><form action="/s"><input name="q" value="请输入关键词"><button>搜索</button></form></div></div>
    <div class="w1000 main-wrap">
    <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/guonei/">国内</a> &gt; 正文</div>
    <div class="left">
    <h1>我市新建三座城市公园 市民休闲有了新去处</h1>
    <div class="info">2024-03-15 09:30&nbsp;&nbsp;来源：华夏日报&nbsp;&nbsp;编辑：李明　<a href="#comment">我要评论</a></div>
    <div class="TRS_Editor" id="zoom">
    <p>　　本报讯（记者 王芳）记者从市园林局获悉，今年我市新建的三座城市公园已全部完工，将于本月底向市民开放。</p>
    <p>　　据介绍，三座公园总面积约四十公顷，分别位于城东、城西和滨江片区，园内设有健身步道、儿童游乐区和湿地观景台。</p>
    <p>　　“以前周末只能去郊区，现在家门口就有公园了。”家住城东的张先生说。</p>
    <p style="text-align: center"><img src="/img/park.jpg" alt="公园一角"></p>
    <p>　　市园林局有关负责人表示，下一步将继续推进口袋公园建设，力争让市民出门五百米见绿。</p>
    </div>
    <div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
    <div class="editor">（责任编辑：李明）</div>
    <div class="related-news"><h3>相关阅读</h3><ul>
    <li><a href="/a/1.html">我市启动春季植树活动</a><span>03-12</span></li>
    <li><a href="/a/2.html">滨江绿道二期工程开工</a><span>03-10</span></li>
    <li><a href="/a/3.html">城西湿地公园规划获批</a><span>03-08</span></li></ul></div>
    <div id="comment"><h3>网友评论</h3><div class="comment-item">这个好，支持！</div></div>
    </div>
    <div class="right sidebar"><div class="hot"><h3>热点排行</h3><ol><li><a href="/b/1.html">春运返程高峰即将到来</a></li></ol></div>
    <div class="ad"><a href="/ad">广告招商热线</a></div></div>
    </div>
    <div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/ad">广告服务</a></p>
    <p>Copyright &copy; 2024 华夏在线 版权所有</p>
    <p><a href="https://beian.miit.gov.cn/">京ICP备12345678号-1</a> 京公网安备11010502000001号</p></div>
    </body></html>
    """

    @Test func chinesePortalPage() throws {
        let doc = try Self.document(Self.portalPage)
        #expect(doc.lines == [
            "华夏在线首页 | 登录 注册",
            "首页", "新闻", "国内", "国际", "体育", "财经", "搜索",
            "当前位置：首页 > 国内 > 正文",
            "我市新建三座城市公园 市民休闲有了新去处",
            "2024-03-15 09:30 来源：华夏日报 编辑：李明 我要评论",
            "本报讯（记者 王芳）记者从市园林局获悉，今年我市新建的三座城市公园已全部完工，将于本月底向市民开放。",
            "据介绍，三座公园总面积约四十公顷，分别位于城东、城西和滨江片区，园内设有健身步道、儿童游乐区和湿地观景台。",
            "“以前周末只能去郊区，现在家门口就有公园了。”家住城东的张先生说。",
            "市园林局有关负责人表示，下一步将继续推进口袋公园建设，力争让市民出门五百米见绿。",
            "分享到：微信 微博 QQ空间",
            "（责任编辑：李明）",
            "相关阅读", "我市启动春季植树活动 03-12", "滨江绿道二期工程开工 03-10", "城西湿地公园规划获批 03-08",
            "网友评论", "这个好，支持！",
            "热点排行", "春运返程高峰即将到来", "广告招商热线",
            "关于我们 | 联系我们 | 广告服务", "Copyright © 2024 华夏在线 版权所有", "京ICP备12345678号-1 京公网安备11010502000001号",
        ])
        let top = try Self.hint("华夏在线首页 | 登录 注册", in: doc)
        #expect(top.regions.subtracting(.mainText) == [] && top.linkDensity > 0.7)
        let menu = try Self.hint("国内", in: doc)
        #expect(menu.regions.subtracting(.mainText) == [.navigation, .header] && menu.block == .listItem && menu.linkDensity == 1)
        #expect(try Self.hint("搜索", in: doc).regions.subtracting(.mainText) == [.header, .form])
        let crumb = try Self.hint("当前位置：首页 > 国内 > 正文", in: doc)
        #expect(crumb.regions.subtracting(.mainText) == [.navigation] && crumb.linkDensity > 0.2 && crumb.linkDensity < 0.5)
        let heading = try Self.hint("我市新建三座城市公园 市民休闲有了新去处", in: doc)
        #expect(heading.block == .heading && heading.headingLevel == 1 && heading.regions.subtracting(.mainText) == [])
        let info = try Self.hint("2024-03-15 09:30 来源：华夏日报 编辑：李明 我要评论", in: doc)
        #expect(info.regions.subtracting(.mainText) == [] && info.linkDensity > 0 && info.linkDensity < 0.25)
        for line in doc.lines[11...14] {
            let hint = try Self.hint(String(line), in: doc)
            #expect(hint.regions.subtracting(.mainText) == [.content] && hint.block == .paragraph && hint.linkDensity == 0)
        }
        // The paragraphs' parent holds the most text: they alone are the main text.
        #expect(doc.mainText.indices.filter { doc.mainText[$0] } == Array(11...14))
        let share = try Self.hint("分享到：微信 微博 QQ空间", in: doc)
        #expect(share.regions.subtracting(.mainText) == [.share])
        #expect(try Self.hint("相关阅读", in: doc).regions.subtracting(.mainText) == [.related])
        let item = try Self.hint("我市启动春季植树活动 03-12", in: doc)
        #expect(item.regions.subtracting(.mainText) == [.related] && item.block == .listItem && item.linkDensity > 0.5)
        #expect(try Self.hint("这个好，支持！", in: doc).regions.subtracting(.mainText) == [.comments])
        #expect(try Self.hint("热点排行", in: doc).regions.subtracting(.mainText) == [.aside])
        #expect(try Self.hint("广告招商热线", in: doc).regions.subtracting(.mainText) == [.aside, .advert])
        for line in ["Copyright © 2024 华夏在线 版权所有", "京ICP备12345678号-1 京公网安备11010502000001号"] {
            #expect(try Self.hint(line, in: doc).regions.subtracting(.mainText) == [.footer])
        }
    }

    @Test func chinesePortalArticle() throws {
        let a = try Self.article(Self.portalPage, url: "http://www.huaxia.example.cn/guonei/2024/0315/12345.html")
        #expect(a.title == "我市新建三座城市公园 市民休闲有了新去处")
        #expect(a.publishedAt == "2024-03-15 09:30:00")
        #expect(a.url == "http://www.huaxia.example.cn/guonei/2024/0315/12345.html")
        #expect(a.site == "www.huaxia.example.cn" && a.source == nil)
        #expect(a.text.split(separator: "\n", omittingEmptySubsequences: false).count == a.lineHints?.count)
        #expect(!a.text.contains("统计代码") && !a.text.contains("公园一角"))
    }
}
