-- The member inbox moves into the notifications table (members and staff alike); notices already
-- written stay in each member's inbox, with the first words of their text as the title.
INSERT INTO "notifications" ("recipient_type", "recipient_id", "topic", "kind", "title", "body", "read_at", "created_at")
SELECT 'member', "account_id", 'membership', "kind",
       CASE "kind"
         WHEN 'join.accepted' THEN '入会申请已通过'
         WHEN 'join.rejected' THEN '入会申请未通过'
         WHEN 'transfer.completed' THEN '会员关系转接已完成'
         WHEN 'transfer.rejected' THEN '会员关系转接未通过'
         ELSE '通知'
       END,
       "text", "read_at", "created_at"
FROM "member_notices"
ORDER BY "id";--> statement-breakpoint
DROP TABLE "member_notices" CASCADE;
