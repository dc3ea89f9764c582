/// Why one line looks like furniture, before its position in the document is taken into account.
struct LineEvidence {
    /// Indexes (into the rule set) of furniture rules matching the line.
    var furnitureRules: [Int] = []
    /// Indexes of other (moderation, quality, custom) rules matching the line.
    var otherRules: [Int] = []
    /// Documents of the site sharing this line, and their share.
    var templateDocuments = 0
    var templateShare = 0.0
    var isTemplate = false
    var isDate = false
    var isMeta = false
    var isNavigation = false
    /// A short bulleted line: menu-like at the head, but a list item inside an article.
    var isBullet = false
    var isTruncated = false
    /// Part of a related-articles list (items alternating with dates).
    var inListing = false

    /// Evidence strong enough to flag a line in the head or tail.
    var isStrong: Bool {
        !furnitureRules.isEmpty || isTemplate || isDate || isMeta || isNavigation || isTruncated || inListing
    }
}
