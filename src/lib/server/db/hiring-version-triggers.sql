-- What the hiring comparison keeps per user (`visibleHiring` in server/hiring/comparison.ts) comes
-- from these columns only: who may see which candidate and interview (`visibleCandidateCondition`,
-- `visibleInterviewCondition`: the candidate's creator, the interview's team and its managers, the
-- panel) and the order the table lists a position's interviews in (the summaries' score, spread,
-- time and name). Any write to them raises the `hiring` row of `data_versions` in the writing
-- transaction, and what was kept under an older number is worked out again (server/cache.ts).
--
-- Triggers rather than calls in the services: these rows are written by many services (teams,
-- panels, candidates, interviews, the summaries), and one missed call would keep showing a manager
-- candidates they may no longer see. Migration 0020 installs exactly this file's statements, and
-- server/db/hiring-version-triggers.spec.ts checks that the database holds them and that every
-- kind of write the visibility rule reads is seen.

CREATE TRIGGER `hiring_version_candidate_insert` AFTER INSERT ON `candidates`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_candidate_update` AFTER UPDATE OF `id`, `position`, `created_by` ON `candidates`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_candidate_delete` AFTER DELETE ON `candidates`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_interview_insert` AFTER INSERT ON `interviews`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_interview_update` AFTER UPDATE OF `id`, `candidate_id`, `team_id`, `created_by`, `cancelled_at` ON `interviews`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_interview_delete` AFTER DELETE ON `interviews`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_panel_insert` AFTER INSERT ON `interview_panel`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_panel_update` AFTER UPDATE ON `interview_panel`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_panel_delete` AFTER DELETE ON `interview_panel`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_team_member_insert` AFTER INSERT ON `team_members`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_team_member_update` AFTER UPDATE ON `team_members`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_team_member_delete` AFTER DELETE ON `team_members`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_summary_insert` AFTER INSERT ON `interview_summaries`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_summary_update` AFTER UPDATE ON `interview_summaries`
WHEN old.`score` IS NOT new.`score` OR old.`spread` IS NOT new.`spread` OR old.`scheduled_at` IS NOT new.`scheduled_at` OR old.`candidate` IS NOT new.`candidate`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
--> statement-breakpoint
CREATE TRIGGER `hiring_version_summary_delete` AFTER DELETE ON `interview_summaries`
BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'hiring'; END;
