import Foundation
import Testing
@testable import WinnowCore
@testable import WinnowIO

struct RuleFileLoaderTests {
    @Test func bundledRulesPassTheirExamples() throws {
        _ = IOSupport.ready
        let loaded = RuleFileLoader().load(paths: [IOSupport.root + "/rules"])
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.rules.count >= 10)
        let outcomes = RuleExampleRunner(rules: try RuleSet(rules: loaded.rules)).run()
        #expect(outcomes.count >= 20)
        for o in outcomes where !o.passed { Issue.record("\(o.rule) (\(o.definedAt)): \(o.message)") }
    }

    @Test func errorsPointAtFileLineAndColumn() {
        let loader = RuleFileLoader()
        let (_, yamlErrors) = loader.parse("rules:\n  - id: x\n    category: [unclosed\n", file: "r.yaml")
        #expect(yamlErrors.first?.description.hasPrefix("r.yaml:") == true)
        let (_, keyErrors) = loader.parse("rules:\n  - id: x\n    category: disclaimer\n    phrases: [a]\n    colour: red\n", file: "k.yaml")
        #expect(keyErrors.map(\.description) == ["k.yaml:5:5: unknown key `colour` (allowed: action, category, description, detector, examples, id, params, phrases, regex, requires, requires_digits, scope, severity)"])
        let (_, regexErrors) = loader.parse("rules:\n  - id: x\n    category: custom\n    regex: '(oops'\n", file: "x.yaml")
        #expect(regexErrors.first?.description.hasPrefix("x.yaml:4:12: invalid regex") == true)
        let (_, enumErrors) = loader.parse("rules:\n  - id: x\n    category: furniture\n    phrases: [a]\n", file: "e.yaml")
        #expect(enumErrors.first?.description.hasPrefix("e.yaml:3:15: `category` must be one of") == true)
        let (_, matcherErrors) = loader.parse("rules:\n  - id: x\n    category: custom\n", file: "m.yaml")
        #expect(matcherErrors.first?.description.contains("exactly one matcher") == true)
    }

    @Test func parsesAFullRule() throws {
        let yaml = """
        rules:
          - id: my-rule
            description: Something editors care about
            category: moderation
            severity: error
            action: review
            phrases: [扫码领取]
            scope: { position: tail, within_lines: 5, max_size: 40, languages: [zh], sites: [a.example], section: true, region: furniture }
            examples:
              match: [扫码领取红包]
              no_match: [正常内容]
        """
        let (rules, errors) = RuleFileLoader().parse(yaml, file: "f.yaml")
        #expect(errors.isEmpty)
        let r = try #require(rules.first)
        #expect(r.id == "my-rule" && r.category == .moderation && r.severity == .error && r.action == .review)
        #expect(r.scope == RuleScope(position: .tail, withinLines: 5, maxLineSize: 40, languages: ["zh"], sites: ["a.example"], opensSection: true, region: .furniture))
        #expect(r.examples.match == ["扫码领取红包"])
        #expect(r.definedAt == "f.yaml:2")
    }

    @Test func missingFolderIsReported() {
        let loaded = RuleFileLoader().load(paths: ["/nonexistent/rules"])
        #expect(loaded.errors.count == 1)
    }
}
