package no.tenantdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.StoreClosedException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ServerFailuresTest {

    @Test
    void aConnectionTheServerCutIsSaidInOurWordsNotAngusMadeUpBye() {
        var cut = new StoreClosedException(null,
                "* BYE Jakarta Mail Exception: java.io.IOException: Connection dropped by server?");

        var failure = ServerFailures.connection("imap://kari@mail.example/INBOX", cut, t -> t == cut);

        assertThat(failure.getMessage())
                .isEqualTo("imap://kari@mail.example/INBOX: the connection failed (the server closed it)");
    }

    @Test
    void anyOtherBrokenConnectionKeepsItsOwnWordsOnOneLine() {
        var failure = ServerFailures.connection("pop3://kari@mail.example",
                new IOException("Broken pipe\r\n(write failed)"), t -> false);

        assertThat(failure.getMessage())
                .isEqualTo("pop3://kari@mail.example: the connection failed (Broken pipe (write failed))");
    }
}
