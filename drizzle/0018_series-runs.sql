CREATE TABLE `series_run_calls` (
	`run_id` text NOT NULL,
	`index` integer NOT NULL,
	`attempt_id` text NOT NULL,
	`facts_after` text,
	PRIMARY KEY(`run_id`, `index`),
	FOREIGN KEY (`run_id`) REFERENCES `series_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_run_calls_attempt_unique` ON `series_run_calls` (`attempt_id`);--> statement-breakpoint
CREATE TABLE `series_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`series_id` text NOT NULL,
	`locale` text NOT NULL,
	`series` text NOT NULL,
	`facts` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `series_runs_user_idx` ON `series_runs` (`user_id`,`series_id`,`created_at`);