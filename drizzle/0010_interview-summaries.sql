CREATE TABLE `hiring_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
-- WITHOUT ROWID (added by hand: drizzle-kit cannot say it): a row is found by its interview in
-- one look-up, not two, and the comparison looks up every interview of a position.
CREATE TABLE `interview_summaries` (
	`interview_id` text PRIMARY KEY NOT NULL,
	`candidate` text NOT NULL,
	`scheduled_at` integer NOT NULL,
	`mode` text NOT NULL,
	`score` real,
	`spread` integer NOT NULL,
	`strong_yes` integer NOT NULL,
	`yes` integer NOT NULL,
	`no` integer NOT NULL,
	`strong_no` integer NOT NULL,
	`submitted` integer NOT NULL,
	`panel_size` integer NOT NULL,
	`auto_score` real,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
-- The one definition of an interview's summary, as `summarizePanel` (src/lib/engine/hiring/rubric.ts)
-- computes it, in the same whole-number arithmetic (weights in thousandths, scores in tenths, half
-- up), so both give the same figures to the last digit. The triggers below read only the columns
-- they need from it.
CREATE VIEW `interview_summary_source` AS
SELECT
	i.`id` AS `interview_id`,
	(SELECT c.`name` FROM `candidates` c WHERE c.`id` = i.`candidate_id`) AS `candidate`,
	i.`scheduled_at`,
	i.`mode`,
	(SELECT CASE WHEN count(*) > 0 THEN ((2 * sum(w.`tenths`) + count(*)) / (2 * count(*))) / 10.0 END
		FROM (SELECT (500 * sum((s.`value` - 1) * c.`milli`) + sum(c.`milli`)) / (2 * sum(c.`milli`)) AS `tenths`
			FROM `ratings` r, json_each(r.`scores`) s,
				(SELECT json_extract(`value`, '$.id') AS `id`, CAST(json_extract(`value`, '$.weight') * 1000 + 0.5 AS INTEGER) AS `milli` FROM json_each(i.`rubric`, '$.criteria')) c
			WHERE r.`interview_id` = i.`id` AND r.`submitted_at` IS NOT NULL AND s.`key` = c.`id`
			GROUP BY r.`interviewer_id`) w) AS `score`,
	(SELECT coalesce(max(d.`spread`), 0)
		FROM (SELECT max(s.`value`) - min(s.`value`) AS `spread`
			FROM `ratings` r, json_each(r.`scores`) s, (SELECT json_extract(`value`, '$.id') AS `id` FROM json_each(i.`rubric`, '$.criteria')) c
			WHERE r.`interview_id` = i.`id` AND r.`submitted_at` IS NOT NULL AND s.`key` = c.`id`
			GROUP BY c.`id`) d) AS `spread`,
	(SELECT count(*) FROM `ratings` r WHERE r.`interview_id` = i.`id` AND r.`submitted_at` IS NOT NULL AND r.`recommendation` = 'strong-yes') AS `strong_yes`,
	(SELECT count(*) FROM `ratings` r WHERE r.`interview_id` = i.`id` AND r.`submitted_at` IS NOT NULL AND r.`recommendation` = 'yes') AS `yes`,
	(SELECT count(*) FROM `ratings` r WHERE r.`interview_id` = i.`id` AND r.`submitted_at` IS NOT NULL AND r.`recommendation` = 'no') AS `no`,
	(SELECT count(*) FROM `ratings` r WHERE r.`interview_id` = i.`id` AND r.`submitted_at` IS NOT NULL AND r.`recommendation` = 'strong-no') AS `strong_no`,
	(SELECT count(*) FROM `ratings` r WHERE r.`interview_id` = i.`id` AND r.`submitted_at` IS NOT NULL) AS `submitted`,
	(SELECT count(*) FROM `interview_panel` p WHERE p.`interview_id` = i.`id`) AS `panel_size`,
	-- As `interviewAttempt` picks it: the latest live record of a live interview, or the latest
	-- online role-play of an online one; its score once it has ended.
	(SELECT CASE WHEN a.`status` != 'active' THEN a.`score` END FROM `attempts` a
		WHERE a.`interview_id` = i.`id` AND (a.`mode` = 'live') = (i.`mode` = 'live') ORDER BY a.`created_at` DESC LIMIT 1) AS `auto_score`
FROM `interviews` i;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_interview_insert` AFTER INSERT ON `interviews`
BEGIN
	INSERT INTO `interview_summaries` (`interview_id`, `candidate`, `scheduled_at`, `mode`, `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`, `panel_size`, `auto_score`) SELECT `interview_id`, `candidate`, `scheduled_at`, `mode`, `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`, `panel_size`, `auto_score` FROM `interview_summary_source` WHERE `interview_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_interview_update` AFTER UPDATE OF `candidate_id`, `scheduled_at`, `mode`, `rubric` ON `interviews`
BEGIN
	INSERT OR REPLACE INTO `interview_summaries` (`interview_id`, `candidate`, `scheduled_at`, `mode`, `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`, `panel_size`, `auto_score`) SELECT `interview_id`, `candidate`, `scheduled_at`, `mode`, `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`, `panel_size`, `auto_score` FROM `interview_summary_source` WHERE `interview_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_candidate_update` AFTER UPDATE OF `name` ON `candidates`
BEGIN
	UPDATE `interview_summaries` SET `candidate` = new.`name` WHERE `interview_id` IN (SELECT `id` FROM `interviews` WHERE `candidate_id` = new.`id`);
END;
--> statement-breakpoint
-- Ratings, panels and role-plays update the columns they feed. An interview being deleted has lost
-- its summary already (cascade), so these then change nothing.
CREATE TRIGGER `interview_summaries_rating_insert` AFTER INSERT ON `ratings`
BEGIN
	UPDATE `interview_summaries` SET (`score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`) =
		(SELECT `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted` FROM `interview_summary_source` WHERE `interview_id` = new.`interview_id`)
	WHERE `interview_id` = new.`interview_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_rating_update` AFTER UPDATE OF `interview_id`, `interviewer_id`, `scores`, `recommendation`, `submitted_at` ON `ratings`
BEGIN
	UPDATE `interview_summaries` SET (`score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`) =
		(SELECT `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted` FROM `interview_summary_source` s WHERE s.`interview_id` = `interview_summaries`.`interview_id`)
	WHERE `interview_id` IN (old.`interview_id`, new.`interview_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_rating_delete` AFTER DELETE ON `ratings`
BEGIN
	UPDATE `interview_summaries` SET (`score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`) =
		(SELECT `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted` FROM `interview_summary_source` WHERE `interview_id` = old.`interview_id`)
	WHERE `interview_id` = old.`interview_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_panel_insert` AFTER INSERT ON `interview_panel`
BEGIN
	UPDATE `interview_summaries` SET `panel_size` = (SELECT `panel_size` FROM `interview_summary_source` WHERE `interview_id` = new.`interview_id`)
	WHERE `interview_id` = new.`interview_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_panel_update` AFTER UPDATE OF `interview_id` ON `interview_panel`
BEGIN
	UPDATE `interview_summaries` SET `panel_size` = (SELECT `panel_size` FROM `interview_summary_source` s WHERE s.`interview_id` = `interview_summaries`.`interview_id`)
	WHERE `interview_id` IN (old.`interview_id`, new.`interview_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_panel_delete` AFTER DELETE ON `interview_panel`
BEGIN
	UPDATE `interview_summaries` SET `panel_size` = (SELECT `panel_size` FROM `interview_summary_source` WHERE `interview_id` = old.`interview_id`)
	WHERE `interview_id` = old.`interview_id`;
END;
--> statement-breakpoint
-- Only interview role-plays: a rep's practice turns pass the WHEN and cost nothing more.
CREATE TRIGGER `interview_summaries_attempt_insert` AFTER INSERT ON `attempts`
WHEN new.`interview_id` IS NOT NULL
BEGIN
	UPDATE `interview_summaries` SET `auto_score` = (SELECT `auto_score` FROM `interview_summary_source` WHERE `interview_id` = new.`interview_id`)
	WHERE `interview_id` = new.`interview_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_attempt_update` AFTER UPDATE OF `interview_id`, `mode`, `status`, `score`, `created_at` ON `attempts`
WHEN old.`interview_id` IS NOT NULL OR new.`interview_id` IS NOT NULL
BEGIN
	UPDATE `interview_summaries` SET `auto_score` = (SELECT `auto_score` FROM `interview_summary_source` s WHERE s.`interview_id` = `interview_summaries`.`interview_id`)
	WHERE `interview_id` IN (old.`interview_id`, new.`interview_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `interview_summaries_attempt_delete` AFTER DELETE ON `attempts`
WHEN old.`interview_id` IS NOT NULL
BEGIN
	UPDATE `interview_summaries` SET `auto_score` = (SELECT `auto_score` FROM `interview_summary_source` WHERE `interview_id` = old.`interview_id`)
	WHERE `interview_id` = old.`interview_id`;
END;
--> statement-breakpoint
-- Existing installs (and the benchmark's data set) start from what they already hold.
INSERT INTO `interview_summaries` (`interview_id`, `candidate`, `scheduled_at`, `mode`, `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`, `panel_size`, `auto_score`) SELECT `interview_id`, `candidate`, `scheduled_at`, `mode`, `score`, `spread`, `strong_yes`, `yes`, `no`, `strong_no`, `submitted`, `panel_size`, `auto_score` FROM `interview_summary_source`;
--> statement-breakpoint
INSERT INTO `hiring_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
-- What the comparison keeps per user (see `visibleHiring` in hiring.ts) comes from these columns
-- only: who may see which candidate and interview (`visibleInterviewCondition`), and the order the
-- table lists a position's interviews in. Any write to them raises the version, in the writing
-- transaction, and whatever was kept under an older one is read again.
CREATE TRIGGER `hiring_version_candidate_insert` AFTER INSERT ON `candidates`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_candidate_update` AFTER UPDATE OF `id`, `position`, `created_by` ON `candidates`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_candidate_delete` AFTER DELETE ON `candidates`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_interview_insert` AFTER INSERT ON `interviews`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_interview_update` AFTER UPDATE OF `id`, `candidate_id`, `team_id`, `created_by`, `cancelled_at` ON `interviews`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_interview_delete` AFTER DELETE ON `interviews`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_panel_insert` AFTER INSERT ON `interview_panel`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_panel_update` AFTER UPDATE ON `interview_panel`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_panel_delete` AFTER DELETE ON `interview_panel`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_team_member_insert` AFTER INSERT ON `team_members`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_team_member_update` AFTER UPDATE ON `team_members`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_team_member_delete` AFTER DELETE ON `team_members`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_summary_insert` AFTER INSERT ON `interview_summaries`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
-- Only the columns the table sorts by: a candidate's role-play running turn by turn changes none.
CREATE TRIGGER `hiring_version_summary_update` AFTER UPDATE ON `interview_summaries`
WHEN old.`score` IS NOT new.`score` OR old.`spread` IS NOT new.`spread` OR old.`scheduled_at` IS NOT new.`scheduled_at` OR old.`candidate` IS NOT new.`candidate`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_summary_delete` AFTER DELETE ON `interview_summaries`
BEGIN UPDATE `hiring_version` SET `version` = `version` + 1; END;
