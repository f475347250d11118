CREATE TABLE `one_to_one_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`one_to_one_id` text NOT NULL,
	`rep_id` text NOT NULL,
	`text` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`done_on` text,
	`closed_in` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`one_to_one_id`) REFERENCES `one_to_ones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`closed_in`) REFERENCES `one_to_ones`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `one_to_one_actions_talk_idx` ON `one_to_one_actions` (`one_to_one_id`,`position`);--> statement-breakpoint
CREATE INDEX `one_to_one_actions_open_idx` ON `one_to_one_actions` (`rep_id`,`due_on`) WHERE "one_to_one_actions"."done_on" is null;--> statement-breakpoint
CREATE INDEX `one_to_one_actions_closed_in_idx` ON `one_to_one_actions` (`closed_in`);--> statement-breakpoint
CREATE TABLE `one_to_ones` (
	`id` text PRIMARY KEY NOT NULL,
	`rep_id` text NOT NULL,
	`manager_id` text,
	`held_on` text NOT NULL,
	`notes` text NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`updated_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `one_to_ones_rep_idx` ON `one_to_ones` (`rep_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `one_to_ones_manager_idx` ON `one_to_ones` (`manager_id`);--> statement-breakpoint
ALTER TABLE `teams` ADD `one_to_one_weeks` integer DEFAULT 2 NOT NULL;