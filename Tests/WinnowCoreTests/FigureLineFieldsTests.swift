import Testing
@testable import WinnowCore

/// The fields a line opens with before its figures (`FigureLines.fields`): notices on one
/// template that name another contact beside the same number are other notices, however either
/// is laid out; a copy names the same contact.
struct FigureLineFieldsTests {
    func lines(_ text: [String]) -> [UInt64] { FigureLines.of(lines: text.map { Support.normalized($0)[...] }) }

    @Test func anotherContactBesideTheSameNumberIsAnotherNotice() {
        let a = lines(["联系人：李承泽，联系电话：18580661224"])
        #expect(a.contains(where: FigureLines.isField))
        #expect(FigureLines.fieldReplaced(lines(["联系人：吴昊，联系电话：18580661224"]), a))
        // A copy in the other script, full-width, names the same contact.
        #expect(!FigureLines.fieldReplaced(lines(["聯繫人：李承澤，聯繫電話：１８５８０６６１２２４"]), a))
        // Beside another number it is another line, not a field replaced.
        #expect(!FigureLines.fieldReplaced(lines(["联系人：吴昊，联系电话：13345331399"]), a))
    }

    @Test func aLabelRightBeforeItsFigureIsNoField() {
        #expect(!lines(["Attendance: 7,817", "证券代码：300477　证券简称：盛华科技"]).contains(where: FigureLines.isField))
        #expect(lines(["Contact: Dana Smith, phone 555 0142"]).contains(where: FigureLines.isField))
    }

    /// Price notices alike but for the contact, one of them with two lines run together: no copy.
    @Test func noticesNamingAnotherContactAreNotMerged() throws {
        _ = Support.ready
        let title = "10月22日24时起福建油价下调"
        let body = ["根据国家发展改革委价格调整通知，自10月22日24时起，福建省汽、柴油最高零售价格每吨分别降低175元和145元。",
                    "调整后，92号汽油最高零售价格为每升7.99元，95号汽油每升8.48元，0号柴油每升7.60元。",
                    "各成品油经营企业要严格执行国家价格政策，不得超过最高零售价格销售。", "消费者如发现价格违法行为，可拨打12315进行举报。"]
        func notice(_ id: String, contact: String, glued: Bool, at time: String) -> Article {
            let text = glued ? [body[0], body[1] + body[2], body[3]] : body
            let lines = [title] + text + ["联系人：\(contact)，联系电话：18580661224", "福建省发展和改革委员会"]
            return Article(id: id, text: lines.joined(separator: "\n"), title: title, url: "https://\(id).example.cn/n", publishedAt: time)
        }
        let result = try ScanEngine(rules: .empty).scan([notice("a", contact: "李承泽", glued: false, at: "2024-10-22 10:00:00"),
                                                         notice("b", contact: "吴昊", glued: true, at: "2024-10-22 11:00:00"),
                                                         notice("c", contact: "李承泽", glued: true, at: "2024-10-22 12:00:00")])
        #expect(result.decisions[1].canonical == "b", "\(result.decisions[1].reasons)")
        #expect(result.decisions[2].canonical == "a", "\(result.decisions[2].reasons)")
    }
}
