CREATE TABLE `attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`interview_id` text,
	`revision_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`mode` text NOT NULL,
	`snapshot` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`score` real DEFAULT 0 NOT NULL,
	`turn_count` integer DEFAULT 0 NOT NULL,
	`hints_used` integer DEFAULT 0 NOT NULL,
	`hint_turn` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deadline_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revision_id`) REFERENCES `scenario_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempts_user_scenario_idx` ON `attempts` (`user_id`,`scenario_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `attempts_interview_idx` ON `attempts` (`interview_id`);--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`position` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `candidates_position_idx` ON `candidates` (`position`);--> statement-breakpoint
CREATE TABLE `interview_invites` (
	`id` text PRIMARY KEY NOT NULL,
	`interview_id` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `interview_invites_interview_idx` ON `interview_invites` (`interview_id`);--> statement-breakpoint
CREATE TABLE `interview_panel` (
	`interview_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`interview_id`, `user_id`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interview_panel_user_idx` ON `interview_panel` (`user_id`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`revision_id` text NOT NULL,
	`rubric_id` text NOT NULL,
	`rubric` text NOT NULL,
	`mode` text NOT NULL,
	`scheduled_at` integer NOT NULL,
	`team_id` text,
	`created_by` text,
	`cancelled_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revision_id`) REFERENCES `scenario_revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `interviews_candidate_idx` ON `interviews` (`candidate_id`);--> statement-breakpoint
CREATE INDEX `interviews_team_idx` ON `interviews` (`team_id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`interview_id` text NOT NULL,
	`interviewer_id` text NOT NULL,
	`scores` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`recommendation` text,
	`submitted_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`interview_id`, `interviewer_id`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scenario_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`scenario_id` text NOT NULL,
	`locale` text NOT NULL,
	`number` integer NOT NULL,
	`hash` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenario_revisions_number_unique` ON `scenario_revisions` (`scenario_id`,`locale`,`number`);--> statement-breakpoint
CREATE TABLE `score_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`previous_score` real NOT NULL,
	`new_score` real NOT NULL,
	`reason` text NOT NULL,
	`comment` text NOT NULL,
	`user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `score_overrides_attempt_idx` ON `score_overrides` (`attempt_id`);--> statement-breakpoint
CREATE TABLE `turns` (
	`attempt_id` text NOT NULL,
	`index` integer NOT NULL,
	`beat` text NOT NULL,
	`customer` text NOT NULL,
	`reply` text NOT NULL,
	`choice` integer,
	`score` real NOT NULL,
	`result` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`attempt_id`, `index`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
