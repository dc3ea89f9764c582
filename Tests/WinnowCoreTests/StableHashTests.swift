import Testing
@testable import WinnowCore

/// Values stored in archives and compared across runs: pinned, never to change silently.
struct StableHashTests {
    @Test func fnv1aMatchesTheReferenceValue() {
        #expect(StableHash.hex(StableHash.fnv1a("hello")) == "a430d84680aabd0b")
        #expect(StableHash.fnv1a("") == StableHash.fnvOffset)
    }

    @Test func mixIsMurmurFinalizer() {
        #expect(StableHash.hex(StableHash.mix(1)) == "b456bcfc34c2cb2c")
        #expect(StableHash.mix(0) == 0)
    }

    @Test func combineIsOrderDependentAndPinned() {
        #expect(StableHash.hex(StableHash.combine(1, 2)) == "b09499c6a3361da1")
        #expect(StableHash.combine(1, 2) != StableHash.combine(2, 1))
    }

    @Test func hexIsSixteenDigits() {
        #expect(StableHash.hex(0) == "0000000000000000")
        #expect(StableHash.hex(.max) == "ffffffffffffffff")
    }

    @Test func storyKeyIsPinned() {
        var f = Fingerprint(simhash: 0, exact: 0, tokens: 1, sketch: [], lead: [])
        #expect(f.story == nil)
        f.title = [1, 2]
        f.figures = [3]
        #expect(StableHash.hex(f.story ?? 0) == "b6691ffa16e447d6")
    }

    @Test func lineKeyIsPinned() {
        #expect(StableHash.hex(LineShape(normalized: Support.normalized("发布时间：2021-01-12 20:48:56")).key) == "3a92fc461720d0a0")
    }
}
