package com.newsdesk.comments;

import com.newsdesk.core.mailbox.ConfirmationMailer;
import com.newsdesk.core.mailbox.ConfirmationMessage;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends the confirmation mail through Amazon SES, from the newsroom's verified sender address. */
final class SesConfirmationMailer implements ConfirmationMailer {
    private final SesV2Client ses;
    private final String from;

    SesConfirmationMailer(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public void send(ConfirmationMessage message) {
        try {
            ses.sendEmail(mail -> mail
                    .fromEmailAddress(from)
                    .destination(to -> to.toAddresses(message.to().address()))
                    .content(content -> content.simple(simple -> simple
                            .subject(subject -> subject.data(message.subject()).charset("UTF-8"))
                            .body(body -> body.text(text -> text.data(message.text()).charset("UTF-8"))))));
        } catch (AwsServiceException e) {
            // SES names the refused recipient in its message ("...failed the check: reader@..."); logs must not
            throw new IllegalStateException("SES refused the confirmation mail: " + e.awsErrorDetails().errorCode()
                    + " (HTTP " + e.statusCode() + ")");
        }
    }
}
