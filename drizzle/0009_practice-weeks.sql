CREATE TABLE `practice_weeks` (
	`user_id` text NOT NULL,
	`week` text NOT NULL,
	`started` integer NOT NULL,
	`finished` integer NOT NULL,
	`score_sum` real NOT NULL,
	`best` real,
	PRIMARY KEY(`user_id`, `week`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Weekly practice per rep, kept by triggers like practice_totals (0008). A week is a calendar week,
-- Monday to Sunday in the time zone of the process that writes (SQLite's 'localtime', from TZ): its
-- key is the date of its Monday, date(x.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days').
-- A row counts every practice role-play started that week (a user's, no interview); the finished
-- ones (status not 'active') also count in finished, score_sum and best.
CREATE TRIGGER `practice_weeks_insert` AFTER INSERT ON `attempts`
WHEN new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL
BEGIN
	INSERT INTO `practice_weeks` (`user_id`, `week`, `started`, `finished`, `score_sum`, `best`)
	VALUES (new.`user_id`, date(new.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), 1, new.`status` != 'active', iif(new.`status` != 'active', new.`score`, 0), iif(new.`status` != 'active', new.`score`, NULL))
	ON CONFLICT (`user_id`, `week`) DO UPDATE SET `started` = `started` + 1, `finished` = `finished` + excluded.`finished`, `score_sum` = `score_sum` + excluded.`score_sum`, `best` = coalesce(max(`best`, excluded.`best`), `best`, excluded.`best`);
END;
--> statement-breakpoint
CREATE TRIGGER `practice_weeks_delete` AFTER DELETE ON `attempts`
WHEN old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL
BEGIN
	UPDATE `practice_weeks` SET `started` = `started` - 1, `finished` = `finished` - (old.`status` != 'active'), `score_sum` = `score_sum` - iif(old.`status` != 'active', old.`score`, 0)
	WHERE `user_id` = old.`user_id` AND `week` = date(old.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days');
	-- The week's best may have gone: read it again from the role-plays left in that week.
	UPDATE `practice_weeks` SET `best` = (
		SELECT max(a.`score`) FROM `attempts` a
		WHERE a.`user_id` = old.`user_id` AND a.`interview_id` IS NULL AND a.`status` != 'active'
			AND a.`created_at` BETWEEN old.`created_at` - 691200000 AND old.`created_at` + 691200000 AND date(a.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') = `practice_weeks`.`week`
	)
	WHERE `user_id` = old.`user_id` AND `week` = date(old.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') AND old.`status` != 'active' AND old.`score` >= `best`;
END;
--> statement-breakpoint
-- A turn of a running role-play changes its score but leaves it running: the WHEN leaves those
-- updates alone, so the turn pays nothing here. Ending, rescoring and moving a role-play pass.
CREATE TRIGGER `practice_weeks_update` AFTER UPDATE OF `user_id`, `interview_id`, `status`, `score`, `created_at` ON `attempts`
WHEN (old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` != 'active')
	OR (new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` != 'active')
	OR old.`user_id` IS NOT new.`user_id` OR old.`interview_id` IS NOT new.`interview_id` OR old.`created_at` != new.`created_at`
BEGIN
	UPDATE `practice_weeks` SET `started` = `started` - 1, `finished` = `finished` - (old.`status` != 'active'), `score_sum` = `score_sum` - iif(old.`status` != 'active', old.`score`, 0)
	WHERE `user_id` = old.`user_id` AND `week` = date(old.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') AND old.`interview_id` IS NULL;
	INSERT INTO `practice_weeks` (`user_id`, `week`, `started`, `finished`, `score_sum`, `best`)
	SELECT new.`user_id`, date(new.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), 1, new.`status` != 'active', iif(new.`status` != 'active', new.`score`, 0), iif(new.`status` != 'active', new.`score`, NULL)
	WHERE new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL
	ON CONFLICT (`user_id`, `week`) DO UPDATE SET `started` = `started` + 1, `finished` = `finished` + excluded.`finished`, `score_sum` = `score_sum` + excluded.`score_sum`, `best` = coalesce(max(`best`, excluded.`best`), `best`, excluded.`best`);
	UPDATE `practice_weeks` SET `best` = (
		SELECT max(a.`score`) FROM `attempts` a
		WHERE a.`user_id` = old.`user_id` AND a.`interview_id` IS NULL AND a.`status` != 'active'
			AND a.`created_at` BETWEEN old.`created_at` - 691200000 AND old.`created_at` + 691200000 AND date(a.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') = `practice_weeks`.`week`
	)
	WHERE `user_id` = old.`user_id` AND `week` = date(old.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') AND old.`interview_id` IS NULL AND old.`status` != 'active' AND old.`score` >= `best`;
END;
--> statement-breakpoint
-- Existing installs (and the benchmark's data set) start from the role-plays they already hold.
INSERT INTO `practice_weeks` (`user_id`, `week`, `started`, `finished`, `score_sum`, `best`)
SELECT `user_id`, date(attempts.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), count(*), sum(`status` != 'active'), total(iif(`status` != 'active', `score`, 0)), max(iif(`status` != 'active', `score`, NULL))
FROM `attempts`
WHERE `user_id` IS NOT NULL AND `interview_id` IS NULL
GROUP BY 1, 2;
