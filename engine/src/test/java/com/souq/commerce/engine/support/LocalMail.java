package com.souq.commerce.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) for the whole test run: the engine's mail relay delivers to it over SMTP, and tests
 * read what each address received.
 */
public final class LocalMail {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");
    private static GreenMail server;

    private LocalMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
        }
        return server;
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    /** One received mail: who it was sent to, its subject and its text. */
    public record Mail(String to, String from, String subject, String body) {

        /** The single-use token in the mail's link. */
        public String token() {
            Matcher matcher = TOKEN.matcher(body);
            assertThat(matcher.find()).as("a token link in " + body).isTrue();
            return matcher.group(1);
        }
    }

    /** Every mail the address received so far, oldest first. */
    public static List<Mail> receivedBy(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server().getReceivedMessages()) {
            try {
                boolean toAddress = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
                if (toAddress) {
                    mails.add(new Mail(address, message.getFrom()[0].toString(), message.getSubject(),
                            GreenMailUtil.getBody(message).isEmpty() ? "" : text(message)));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** Waits (up to 20 s) until the address received {@code count} mails; answers the last of them. */
    public static Mail awaitMail(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Mail> mails = receivedBy(address);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(address + " received " + receivedBy(address).size() + " mails, expected " + count);
    }

    private static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
