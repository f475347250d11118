CREATE TABLE `attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`revision_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`mode` text NOT NULL,
	`snapshot` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`score` real DEFAULT 0 NOT NULL,
	`turn_count` integer DEFAULT 0 NOT NULL,
	`hints_used` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deadline_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revision_id`) REFERENCES `scenario_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempts_user_scenario_idx` ON `attempts` (`user_id`,`scenario_id`,`created_at`);--> statement-breakpoint
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
