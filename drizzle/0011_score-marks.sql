CREATE TABLE `score_marks` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`turn_index` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`locale` text NOT NULL,
	`beat` text NOT NULL,
	`reply` text NOT NULL,
	`score` real NOT NULL,
	`kind` text NOT NULL,
	`note` text NOT NULL,
	`author_id` text,
	`status` text DEFAULT 'open' NOT NULL,
	`grade` integer,
	`reason` text,
	`resolved_by` text,
	`resolved_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_marks_turn_author_unique` ON `score_marks` (`attempt_id`,`turn_index`,`author_id`);--> statement-breakpoint
CREATE INDEX `score_marks_status_idx` ON `score_marks` (`status`,`scenario_id`);