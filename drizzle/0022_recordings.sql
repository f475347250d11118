CREATE TABLE `recordings` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`turn_index` integer NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`voiced` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_attempt_turn_unique` ON `recordings` (`attempt_id`,`turn_index`);--> statement-breakpoint
CREATE INDEX `recordings_created_idx` ON `recordings` (`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `recording_consent_at` integer;