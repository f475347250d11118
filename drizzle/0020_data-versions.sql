-- One way to say "this data changed" (server/cache.ts): a row per kind of data in `data_versions`.
-- The content's version moves there from app_settings, the hiring version from its own table, and
-- the hiring triggers are installed again to raise their row (db/hiring-version-triggers.sql).
CREATE TABLE `data_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_versions` (`name`, `version`) VALUES ('content', 0), ('hiring', 0);
--> statement-breakpoint
DELETE FROM `app_settings` WHERE `key` = 'content-version';
--> statement-breakpoint
DROP TRIGGER `hiring_version_candidate_insert`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_candidate_update`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_candidate_delete`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_interview_insert`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_interview_update`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_interview_delete`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_panel_insert`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_panel_update`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_panel_delete`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_team_member_insert`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_team_member_update`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_team_member_delete`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_summary_insert`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_summary_update`;
--> statement-breakpoint
DROP TRIGGER `hiring_version_summary_delete`;
--> statement-breakpoint
DROP TABLE `hiring_version`;
--> statement-breakpoint
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
