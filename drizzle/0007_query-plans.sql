DROP INDEX `attempts_user_started_idx`;--> statement-breakpoint
DROP INDEX `attempts_interview_idx`;--> statement-breakpoint
CREATE INDEX `attempts_user_started_idx` ON `attempts` (`user_id`,`created_at`,`interview_id`,`status`,`score`);--> statement-breakpoint
CREATE INDEX `attempts_interview_idx` ON `attempts` (`interview_id`) WHERE "attempts"."interview_id" is not null;--> statement-breakpoint
CREATE INDEX `candidates_created_by_idx` ON `candidates` (`created_by`);--> statement-breakpoint
CREATE INDEX `interviews_created_by_idx` ON `interviews` (`created_by`);