CREATE TABLE `content_drafts` (
	`kind` text NOT NULL,
	`locale` text NOT NULL,
	`item_id` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `locale`, `item_id`),
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `content_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`locale` text NOT NULL,
	`item_id` text NOT NULL,
	`number` integer NOT NULL,
	`text` text NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_revisions_number_unique` ON `content_revisions` (`kind`,`locale`,`item_id`,`number`);