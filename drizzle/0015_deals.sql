CREATE TABLE `deal_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`text` text NOT NULL,
	`date` text NOT NULL,
	`strength` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deal_evidence_deal_idx` ON `deal_evidence` (`deal_id`,`date`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`rep_id` text NOT NULL,
	`company` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`contact_title` text DEFAULT '' NOT NULL,
	`call_number` integer NOT NULL,
	`last_contact` text NOT NULL,
	`next_step` text,
	`next_step_date` text,
	`help` text DEFAULT '' NOT NULL,
	`objection` text,
	`locale` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deals_rep_status_idx` ON `deals` (`rep_id`,`status`);