-- Custom SQL migration file, put your code below! --
-- The kept tables practice_totals, practice_weeks and interview_summaries are written from now on
-- by the TypeScript services, in the transaction of the write that changes them, with the
-- TypeScript rules (src/lib/server/derived/): the triggers of 0008, 0009, 0010 and 0012 that did it
-- in SQL, and the view interview_summary_source, go. The hiring_version triggers of 0010 stay (they
-- invalidate the comparison's cache; they fire on interview_summaries as before).
-- practice_totals and interview_summaries kept by the triggers are what the TypeScript works out
-- (same lists of statuses, same whole-number arithmetic as summarizePanel): nothing is recomputed.
-- practice_weeks were filed by SQLite's 'localtime' in the time zone of whichever process wrote,
-- which weekKey need not agree with: the row asks the app to count them again once, at its next
-- start (recountPracticeWeeksOnce), in its own time zone, correcting only the rows that differ.
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
DROP TRIGGER `interview_summaries_interview_insert`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_interview_update`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_candidate_update`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_rating_insert`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_rating_update`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_rating_delete`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_panel_insert`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_panel_update`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_panel_delete`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_attempt_insert`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_attempt_update`;
--> statement-breakpoint
DROP TRIGGER `interview_summaries_attempt_delete`;
--> statement-breakpoint
DROP VIEW `interview_summary_source`;
--> statement-breakpoint
INSERT INTO `app_settings` (`key`, `value`) VALUES ('recount-practice-weeks', 'migration 0017') ON CONFLICT (`key`) DO NOTHING;
