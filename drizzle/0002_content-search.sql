-- Full-text search over content. The trigram tokenizer matches any substring of three or more
-- characters, which is what Chinese (written without spaces) needs. Rows hold folded text
-- (lower case, half-width, Traditional): queries are folded the same way before matching.
-- `keywords` carries words a reader may search by that the text need not contain, such as the
-- item's category in both languages.
CREATE VIRTUAL TABLE `content_search` USING fts5(
	`title`,
	`text`,
	`keywords`,
	`kind` UNINDEXED,
	`locale` UNINDEXED,
	`item_id` UNINDEXED,
	tokenize = 'trigram'
);
--> statement-breakpoint
-- Trigrams cannot match a query of one or two characters, and 「貴」 or 「續約」 are real queries.
-- This table holds every Chinese character and every pair of neighbouring characters as words,
-- so such a query is an index look-up too.
CREATE VIRTUAL TABLE `content_grams` USING fts5(
	`title`,
	`text`,
	`kind` UNINDEXED,
	`locale` UNINDEXED,
	`item_id` UNINDEXED,
	tokenize = 'unicode61'
);
