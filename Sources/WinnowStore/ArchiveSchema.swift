import GRDB

/// The archive's tables, as numbered migrations (never edit a shipped one; add the next).
enum ArchiveSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id TEXT PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    inputs TEXT NOT NULL,
                    documents INTEGER NOT NULL,
                    kept INTEGER NOT NULL,
                    merged INTEGER NOT NULL,
                    removed INTEGER NOT NULL,
                    review INTEGER NOT NULL,
                    rules_version TEXT NOT NULL,
                    winnow_version TEXT NOT NULL
                );
                CREATE TABLE articles (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    run_id TEXT NOT NULL REFERENCES runs(id),
                    site TEXT NOT NULL,
                    url TEXT,
                    published_at TEXT,
                    simhash INTEGER NOT NULL,
                    exact INTEGER NOT NULL,
                    tokens INTEGER NOT NULL,
                    excerpt INTEGER NOT NULL,
                    decision TEXT NOT NULL,
                    canonical TEXT NOT NULL,
                    canonical_run TEXT,
                    sketch BLOB,
                    lead BLOB,
                    title BLOB
                );
                CREATE INDEX articles_canonical ON articles(canonical);
                CREATE INDEX articles_run ON articles(run_id);
                CREATE INDEX articles_published ON articles(published_at);
                CREATE TABLE anchors (
                    feature INTEGER NOT NULL,
                    article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                    PRIMARY KEY (feature, article)
                ) WITHOUT ROWID;
                CREATE INDEX anchors_article ON anchors(article);
                CREATE TABLE site_lines (key INTEGER PRIMARY KEY, documents INTEGER NOT NULL);
                CREATE TABLE all_lines (key INTEGER PRIMARY KEY, documents INTEGER NOT NULL);
                CREATE TABLE sites (site TEXT PRIMARY KEY, documents INTEGER NOT NULL);
                """)
        }
        m.registerMigration("v2-site-languages") { db in
            try db.execute(sql: """
                CREATE TABLE site_languages (
                    site TEXT NOT NULL,
                    language TEXT NOT NULL,
                    documents INTEGER NOT NULL,
                    PRIMARY KEY (site, language)
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v3-article-findings") { db in
            // The findings of canonical articles, repeated when a later run revises them.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN findings BLOB")
        }
        m.registerMigration("v4-figures") { db in
            // The numbers a canonical states (body and headline): templated reports with other
            // figures are other reports. NULL for articles archived before: no figure check.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN figures BLOB")
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN title_figures BLOB")
        }
        registerSimHashBands(&m)
        registerVerdicts(&m)
        m.registerMigration("v5-story-lines") { db in
            // Stories per line key over all sites (LineStatistics.storiesPerLine).
            try db.execute(sql: "CREATE TABLE story_lines (key INTEGER PRIMARY KEY, documents INTEGER NOT NULL)")
        }
        m.registerMigration("v7-report-shape") { db in
            // How a canonical's text is laid out (Fingerprint.ideographs, .paragraphTokens): what
            // tells a templated report from prose. NULL for articles archived before: read as 0.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN ideographs INTEGER")
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN paragraph_tokens INTEGER")
        }
        m.registerMigration("v8-figure-contexts") { db in
            // A canonical's figures with the word before each (Fingerprint.figureContexts): NULL
            // for articles archived before, read as none (their reports compare as sets).
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN figure_contexts BLOB")
        }
        m.registerMigration("v9-template-tokens") { db in
            // Tokens of a canonical's lines that other stories' pages hold too
            // (Fingerprint.templateTokens): NULL for articles archived before, read as none.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN template_tokens INTEGER")
        }
        m.registerMigration("v10-figure-order") { db in
            // A canonical report's figures in context in order (Fingerprint.figureOrder): NULL for
            // articles archived before, read as none (their reports compare as sets).
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN figure_order BLOB")
        }
        m.registerMigration("v11-figure-lines") { db in
            // A canonical report's lines keyed by their figures (Fingerprint.figureLines): NULL for
            // articles archived before, read as none.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN figure_lines BLOB")
        }
        m.registerMigration("v12-subject-mask") { db in
            // Which headline shingles a canonical's text repeats (Fingerprint.subjectMask): NULL for
            // articles archived before, read as none (their headlines name no subject).
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN subject_mask INTEGER")
        }
        m.registerMigration("v13-figure-line-names") { db in
            // Figure lines now key the names beside a line's figures too (FigureLines): lines keyed
            // before are another hash, read as none rather than compared.
            try db.execute(sql: "UPDATE articles SET figure_lines = NULL")
        }
        m.registerMigration("v14-figure-sentences") { db in
            // A canonical report's sentences stating figures, kept or stripped as its site's
            // (Fingerprint.figureSentences): NULL for articles archived before, read as none.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN figure_sentences BLOB")
        }
        m.registerMigration("v15-figure-line-clauses") { db in
            // Figure lines now name a figure that punctuation closes and a row by the whole name
            // it opens with (FigureLines): lines keyed before are another hash, read as none.
            try db.execute(sql: "UPDATE articles SET figure_lines = NULL")
        }
        m.registerMigration("v16-headline-words") { db in
            // A canonical's headline words, which its text says, and a filter of its text's
            // words (Fingerprint.headlineWords): NULL for articles archived before, read as none.
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN headline_words BLOB")
        }
        return m
    }
}
