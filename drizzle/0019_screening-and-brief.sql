CREATE TABLE `hiring_positions` (
	`name` text PRIMARY KEY NOT NULL,
	`min_sales_years` real,
	`min_education` text,
	`required_language` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `candidates` ADD `sales_years` real;--> statement-breakpoint
ALTER TABLE `candidates` ADD `sales_kinds` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `candidates` ADD `education` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `languages` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `candidates` ADD `availability` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `candidates` ADD `manner` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `interviews` ADD `brief` text DEFAULT '' NOT NULL;