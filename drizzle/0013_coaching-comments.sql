CREATE TABLE `coaching_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`turn_index` integer,
	`rep_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`seen_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coaching_comments_attempt_idx` ON `coaching_comments` (`attempt_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `coaching_comments_author_idx` ON `coaching_comments` (`author_id`);--> statement-breakpoint
CREATE INDEX `coaching_comments_unseen_idx` ON `coaching_comments` (`rep_id`,`created_at`) WHERE "coaching_comments"."seen_at" is null;--> statement-breakpoint
CREATE INDEX `coaching_comments_rep_idx` ON `coaching_comments` (`rep_id`,`created_at`);