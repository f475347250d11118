CREATE TABLE `turn_criteria` (
	`attempt_id` text NOT NULL,
	`index` integer NOT NULL,
	`criterion` text NOT NULL,
	`hit_weight` real NOT NULL,
	`total_weight` real NOT NULL,
	PRIMARY KEY(`attempt_id`, `index`, `criterion`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `teams` ADD `leaderboard` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `turns` ADD `script_id` text;--> statement-breakpoint
CREATE INDEX `turns_script_idx` ON `turns` (`script_id`);