CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`rep_id` text NOT NULL,
	`assigned_by` text,
	`kind` text NOT NULL,
	`content_id` text NOT NULL,
	`mode` text,
	`pass_mark` integer,
	`due_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`completed_at` integer,
	`completed_attempt_id` text,
	`completed_score` real,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`completed_attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assignments_rep_idx` ON `assignments` (`rep_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `assignments_assigned_by_idx` ON `assignments` (`assigned_by`);--> statement-breakpoint
CREATE INDEX `assignments_open_idx` ON `assignments` (`rep_id`,`kind`,`content_id`) WHERE "assignments"."completed_at" is null;