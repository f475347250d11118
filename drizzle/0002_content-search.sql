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
