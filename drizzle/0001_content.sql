CREATE TABLE `article_reads` (
	`user_id` text NOT NULL,
	`article_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `article_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bookmarks` (
	`user_id` text NOT NULL,
	`script_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `script_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `content_items` (
	`kind` text NOT NULL,
	`locale` text NOT NULL,
	`id` text NOT NULL,
	`title` text NOT NULL,
	`category` text,
	`data` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`plain_text` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `locale`, `id`)
);
--> statement-breakpoint
CREATE INDEX `content_items_category_idx` ON `content_items` (`kind`,`locale`,`category`);