CREATE TABLE `practice_totals` (
	`user_id` text PRIMARY KEY NOT NULL,
	`finished` integer NOT NULL,
	`score_sum` real NOT NULL,
	`best` real,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Triggers keep the totals: a role-play counts when it is a rep's practice (a user, no interview)
-- and has ended. Every insert, update of those columns and delete (cascades included) passes here.
CREATE TRIGGER `practice_totals_insert` AFTER INSERT ON `attempts`
WHEN new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` != 'active'
BEGIN
	INSERT INTO `practice_totals` (`user_id`, `finished`, `score_sum`, `best`) VALUES (new.`user_id`, 1, new.`score`, new.`score`)
	ON CONFLICT (`user_id`) DO UPDATE SET `finished` = `finished` + 1, `score_sum` = `score_sum` + excluded.`score_sum`, `best` = max(coalesce(`best`, excluded.`best`), excluded.`best`);
END;
--> statement-breakpoint
CREATE TRIGGER `practice_totals_delete` AFTER DELETE ON `attempts`
WHEN old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` != 'active'
BEGIN
	UPDATE `practice_totals` SET `finished` = `finished` - 1, `score_sum` = `score_sum` - old.`score` WHERE `user_id` = old.`user_id`;
	-- The best may have gone: read it again from what is left (rare: only deletions of whole reps do this).
	UPDATE `practice_totals` SET `best` = (SELECT max(`score`) FROM `attempts` WHERE `user_id` = old.`user_id` AND `interview_id` IS NULL AND `status` != 'active')
	WHERE `user_id` = old.`user_id` AND old.`score` >= `best`;
END;
--> statement-breakpoint
-- A turn updates status and score while the role-play runs: the WHEN leaves those updates alone.
CREATE TRIGGER `practice_totals_update` AFTER UPDATE OF `user_id`, `interview_id`, `status`, `score` ON `attempts`
WHEN (old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` != 'active')
	OR (new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` != 'active')
BEGIN
	UPDATE `practice_totals` SET `finished` = `finished` - 1, `score_sum` = `score_sum` - old.`score`
	WHERE `user_id` = old.`user_id` AND old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` != 'active';
	INSERT INTO `practice_totals` (`user_id`, `finished`, `score_sum`, `best`)
	SELECT new.`user_id`, 1, new.`score`, new.`score` WHERE new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` != 'active'
	ON CONFLICT (`user_id`) DO UPDATE SET `finished` = `finished` + 1, `score_sum` = `score_sum` + excluded.`score_sum`, `best` = max(coalesce(`best`, excluded.`best`), excluded.`best`);
	UPDATE `practice_totals` SET `best` = (SELECT max(`score`) FROM `attempts` WHERE `user_id` = old.`user_id` AND `interview_id` IS NULL AND `status` != 'active')
	WHERE `user_id` = old.`user_id` AND old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` != 'active' AND old.`score` >= `best`;
END;
--> statement-breakpoint
-- Existing installs (and the benchmark's data set) start from the role-plays they already hold.
INSERT INTO `practice_totals` (`user_id`, `finished`, `score_sum`, `best`)
SELECT `user_id`, count(*), sum(`score`), max(`score`) FROM `attempts`
WHERE `user_id` IS NOT NULL AND `interview_id` IS NULL AND `status` != 'active'
GROUP BY `user_id`;
