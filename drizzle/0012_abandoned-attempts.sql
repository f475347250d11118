-- A rep can hang up: the role-play ends with status 'abandoned' (src/lib/attempt-status.ts). It is
-- not a practice result, so the kept totals stop reading "ended" as "status != 'active'":
--   finished (practice_totals, and practice_weeks' finished, score_sum and best): status in
--     ('won', 'lost', 'neutral', 'timeout'), FINISHED_STATUSES;
--   started (practice_weeks' started): any status but 'abandoned', so a call hung up leaves the
--     week's count as if it had never been started.
-- The triggers of 0008 and 0009 are made again with those two tests; nothing else changes. No role-play
-- is abandoned before this migration, and on every other status the old and new tests agree, so the
-- totals already kept stay exact and need no rebuild.
DROP TRIGGER `practice_totals_insert`;
--> statement-breakpoint
DROP TRIGGER `practice_totals_delete`;
--> statement-breakpoint
DROP TRIGGER `practice_totals_update`;
--> statement-breakpoint
DROP TRIGGER `practice_weeks_insert`;
--> statement-breakpoint
DROP TRIGGER `practice_weeks_delete`;
--> statement-breakpoint
DROP TRIGGER `practice_weeks_update`;
--> statement-breakpoint
CREATE TRIGGER `practice_totals_insert` AFTER INSERT ON `attempts`
WHEN new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` IN ('won', 'lost', 'neutral', 'timeout')
BEGIN
	INSERT INTO `practice_totals` (`user_id`, `finished`, `score_sum`, `best`) VALUES (new.`user_id`, 1, new.`score`, new.`score`)
	ON CONFLICT (`user_id`) DO UPDATE SET `finished` = `finished` + 1, `score_sum` = `score_sum` + excluded.`score_sum`, `best` = max(coalesce(`best`, excluded.`best`), excluded.`best`);
END;
--> statement-breakpoint
CREATE TRIGGER `practice_totals_delete` AFTER DELETE ON `attempts`
WHEN old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` IN ('won', 'lost', 'neutral', 'timeout')
BEGIN
	UPDATE `practice_totals` SET `finished` = `finished` - 1, `score_sum` = `score_sum` - old.`score` WHERE `user_id` = old.`user_id`;
	UPDATE `practice_totals` SET `best` = (SELECT max(`score`) FROM `attempts` WHERE `user_id` = old.`user_id` AND `interview_id` IS NULL AND `status` IN ('won', 'lost', 'neutral', 'timeout'))
	WHERE `user_id` = old.`user_id` AND old.`score` >= `best`;
END;
--> statement-breakpoint
-- A turn updates status and score while the role-play runs: the WHEN leaves those updates alone.
CREATE TRIGGER `practice_totals_update` AFTER UPDATE OF `user_id`, `interview_id`, `status`, `score` ON `attempts`
WHEN (old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` IN ('won', 'lost', 'neutral', 'timeout'))
	OR (new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` IN ('won', 'lost', 'neutral', 'timeout'))
BEGIN
	UPDATE `practice_totals` SET `finished` = `finished` - 1, `score_sum` = `score_sum` - old.`score`
	WHERE `user_id` = old.`user_id` AND old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` IN ('won', 'lost', 'neutral', 'timeout');
	INSERT INTO `practice_totals` (`user_id`, `finished`, `score_sum`, `best`)
	SELECT new.`user_id`, 1, new.`score`, new.`score` WHERE new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` IN ('won', 'lost', 'neutral', 'timeout')
	ON CONFLICT (`user_id`) DO UPDATE SET `finished` = `finished` + 1, `score_sum` = `score_sum` + excluded.`score_sum`, `best` = max(coalesce(`best`, excluded.`best`), excluded.`best`);
	UPDATE `practice_totals` SET `best` = (SELECT max(`score`) FROM `attempts` WHERE `user_id` = old.`user_id` AND `interview_id` IS NULL AND `status` IN ('won', 'lost', 'neutral', 'timeout'))
	WHERE `user_id` = old.`user_id` AND old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` IN ('won', 'lost', 'neutral', 'timeout') AND old.`score` >= `best`;
END;
--> statement-breakpoint
-- A week counts every practice role-play started in it but those hung up; the finished ones also
-- count in finished, score_sum and best.
CREATE TRIGGER `practice_weeks_insert` AFTER INSERT ON `attempts`
WHEN new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` != 'abandoned'
BEGIN
	INSERT INTO `practice_weeks` (`user_id`, `week`, `started`, `finished`, `score_sum`, `best`)
	VALUES (new.`user_id`, date(new.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), 1, new.`status` IN ('won', 'lost', 'neutral', 'timeout'), iif(new.`status` IN ('won', 'lost', 'neutral', 'timeout'), new.`score`, 0), iif(new.`status` IN ('won', 'lost', 'neutral', 'timeout'), new.`score`, NULL))
	ON CONFLICT (`user_id`, `week`) DO UPDATE SET `started` = `started` + 1, `finished` = `finished` + excluded.`finished`, `score_sum` = `score_sum` + excluded.`score_sum`, `best` = coalesce(max(`best`, excluded.`best`), `best`, excluded.`best`);
END;
--> statement-breakpoint
CREATE TRIGGER `practice_weeks_delete` AFTER DELETE ON `attempts`
WHEN old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` != 'abandoned'
BEGIN
	UPDATE `practice_weeks` SET `started` = `started` - 1, `finished` = `finished` - (old.`status` IN ('won', 'lost', 'neutral', 'timeout')), `score_sum` = `score_sum` - iif(old.`status` IN ('won', 'lost', 'neutral', 'timeout'), old.`score`, 0)
	WHERE `user_id` = old.`user_id` AND `week` = date(old.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days');
	UPDATE `practice_weeks` SET `best` = (
		SELECT max(a.`score`) FROM `attempts` a
		WHERE a.`user_id` = old.`user_id` AND a.`interview_id` IS NULL AND a.`status` IN ('won', 'lost', 'neutral', 'timeout')
			AND a.`created_at` BETWEEN old.`created_at` - 691200000 AND old.`created_at` + 691200000 AND date(a.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') = `practice_weeks`.`week`
	)
	WHERE `user_id` = old.`user_id` AND `week` = date(old.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') AND old.`status` IN ('won', 'lost', 'neutral', 'timeout') AND old.`score` >= `best`;
END;
--> statement-breakpoint
-- A turn of a running role-play changes its score but leaves it running: the WHEN leaves those
-- updates alone, so the turn pays nothing here. Ending (hanging up too), rescoring and moving a
-- role-play pass: the old row's share is taken out and the new row's put in.
CREATE TRIGGER `practice_weeks_update` AFTER UPDATE OF `user_id`, `interview_id`, `status`, `score`, `created_at` ON `attempts`
WHEN (old.`user_id` IS NOT NULL AND old.`interview_id` IS NULL AND old.`status` != 'active')
	OR (new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` != 'active')
	OR old.`user_id` IS NOT new.`user_id` OR old.`interview_id` IS NOT new.`interview_id` OR old.`created_at` != new.`created_at`
BEGIN
	UPDATE `practice_weeks` SET `started` = `started` - 1, `finished` = `finished` - (old.`status` IN ('won', 'lost', 'neutral', 'timeout')), `score_sum` = `score_sum` - iif(old.`status` IN ('won', 'lost', 'neutral', 'timeout'), old.`score`, 0)
	WHERE `user_id` = old.`user_id` AND `week` = date(old.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') AND old.`interview_id` IS NULL AND old.`status` != 'abandoned';
	INSERT INTO `practice_weeks` (`user_id`, `week`, `started`, `finished`, `score_sum`, `best`)
	SELECT new.`user_id`, date(new.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), 1, new.`status` IN ('won', 'lost', 'neutral', 'timeout'), iif(new.`status` IN ('won', 'lost', 'neutral', 'timeout'), new.`score`, 0), iif(new.`status` IN ('won', 'lost', 'neutral', 'timeout'), new.`score`, NULL)
	WHERE new.`user_id` IS NOT NULL AND new.`interview_id` IS NULL AND new.`status` != 'abandoned'
	ON CONFLICT (`user_id`, `week`) DO UPDATE SET `started` = `started` + 1, `finished` = `finished` + excluded.`finished`, `score_sum` = `score_sum` + excluded.`score_sum`, `best` = coalesce(max(`best`, excluded.`best`), `best`, excluded.`best`);
	UPDATE `practice_weeks` SET `best` = (
		SELECT max(a.`score`) FROM `attempts` a
		WHERE a.`user_id` = old.`user_id` AND a.`interview_id` IS NULL AND a.`status` IN ('won', 'lost', 'neutral', 'timeout')
			AND a.`created_at` BETWEEN old.`created_at` - 691200000 AND old.`created_at` + 691200000 AND date(a.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') = `practice_weeks`.`week`
	)
	WHERE `user_id` = old.`user_id` AND `week` = date(old.`created_at` / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') AND old.`interview_id` IS NULL AND old.`status` IN ('won', 'lost', 'neutral', 'timeout') AND old.`score` >= `best`;
END;
