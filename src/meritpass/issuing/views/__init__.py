"""The issuing pages: awards, the award form, bulk uploads and jobs, and the status lists."""
