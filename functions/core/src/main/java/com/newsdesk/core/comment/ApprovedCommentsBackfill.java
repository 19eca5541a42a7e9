package com.newsdesk.core.comment;

import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.site.Settings;

/**
 * Run once after deploying the version whose pages read approved comments from their {@code APPROVED#} copies:
 * copies every comment approved before, so no page loses its comments at its next render. With the functions'
 * settings in the environment ({@code TABLE_NAME}, region, endpoint), e.g.
 * {@code java -cp functions/comments-api/target/comments-api.jar com.newsdesk.core.comment.ApprovedCommentsBackfill}.
 */
public final class ApprovedCommentsBackfill {
    private ApprovedCommentsBackfill() {}

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment();
        CommentStore store = new CommentStore(new AwsClients(settings).dynamoDb(), settings.required("TABLE_NAME"));
        System.out.println("put " + store.putApprovedOnPages() + " approved comments on their pages");
    }
}
