CREATE TABLE `skill_rollups` (
	`user_id` text NOT NULL,
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`sum` real NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`user_id`, `dimension`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `teams` ADD `leaderboard` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `turns` ADD `script_id` text;--> statement-breakpoint
CREATE INDEX `turns_attempt_script_idx` ON `turns` (`attempt_id`,`script_id`,`score`);--> statement-breakpoint
CREATE INDEX `attempts_user_started_idx` ON `attempts` (`user_id`,`created_at`);