// Writes scripts/sample/tenant-mail.mbox: eleven e-mails from tenants of Storgata 12 to drift@eiendom.example,
// November 2026, in the shapes real mail arrives in (quoted-printable, 8-bit ISO-8859-1, Outlook HTML-only in
// windows-1252, RFC 2047 and RFC 2231 names, photos, a PDF, a reply that threads, an out-of-office answer).
// Run: java scripts/sample/MakeSampleMailbox.java OUT
//
// Everything is fixed (texts, dates, seeds), so the same JDK writes the same bytes every time. The pictures are
// drawn without fonts (font files differ between machines; the lift display uses seven-segment digits).
// The mbox is mboxrd: a "From " separator per message, body lines matching ">*From " get one more ">".

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

public class MakeSampleMailbox {

    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private static final Charset UTF8 = StandardCharsets.UTF_8;
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String DESK = "Drift Storgata 12 <drift@eiendom.example>";
    private static final DateTimeFormatter RFC5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    /** One message: its envelope sender and time for the "From " line, and its bytes with LF line ends. */
    private record Mail(String envelopeFrom, ZonedDateTime date, byte[] bytes) {}

    public static void main(String... args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java scripts/sample/MakeSampleMailbox.java OUT");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        List<Mail> mails = List.of(
                gritting(), tooCold(), rubbish(), leak(), lift(), outOfOffice(),
                stairwellLamp(), leakFollowUp(), ventilationNoise(), keyCard(), blockedDriveway());
        ByteArrayOutputStream mbox = new ByteArrayOutputStream();
        ZonedDateTime previous = null;
        for (Mail mail : mails) {
            if (previous != null && !mail.date().isAfter(previous)) {
                throw new IllegalStateException("not in chronological order: " + mail.date());
            }
            previous = mail.date();
            appendMboxrd(mbox, mail);
        }
        Path out = Path.of(args[0]);
        Files.write(out, mbox.toByteArray());
        System.out.println(out + ": " + mails.size() + " messages, " + mbox.size() + " bytes");
    }

    // ---------------------------------------------------------------------------------------------- the messages

    private static Mail gritting() {
        ZonedDateTime date = at("2026-11-02T07:41:12+01:00");
        String id = "<5b0e7c1a-3f2d-4c8e-9a61-2d7f0c4e8b13@regnskapshuset.example>";
        String text = """
                Hei,

                Det er veldig glatt på parkeringsplassen bak Storgata 12 i dag morges. Det
                har tydeligvis vært strødd ved inngangen, men ikke på selve plassen eller
                i bakken ned fra Storgata. To av våre ansatte holdt på å gå over ende, og
                en bil fikk ikke stoppet helt i svingen ved innkjøringen.

                Kan dere sørge for mer strøing på parkeringsplassen, og gjerne før kl. 07
                de dagene det er meldt minusgrader? Bilde fra i dag tidlig ligger ved.

                Vennlig hilsen
                Kari Nordmann
                Kontorsjef, Regnskapshuset AS
                Storgata 12, Bygg A/1. etasje/Kontor 104
                Tlf. 22 00 01 04
                """;
        String boundary = "------------Xy7Gq2sWb0LmR1tK9vZc4Hn8";
        StringBuilder m = new StringBuilder();
        received(m, "smtp.regnskapshuset.example", "198.51.100.14", date.plusSeconds(2), "K3p9Qx2LmN");
        m.append("Message-ID: ").append(id).append('\n');
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("MIME-Version: 1.0\n");
        m.append("User-Agent: Mozilla Thunderbird\n");
        m.append("Content-Language: nb\n");
        m.append("To: ").append(DESK).append('\n');
        m.append("From: Kari Nordmann <kari.nordmann@regnskapshuset.example>\n");
        m.append("Subject: ").append(encodedWords("Strøing på parkeringsplassen", UTF8, 9)).append('\n');
        m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n\n");
        m.append("This is a multi-part message in MIME format.\n");
        m.append("--").append(boundary).append('\n');
        m.append("Content-Type: text/plain; charset=UTF-8; format=flowed\n");
        m.append("Content-Transfer-Encoding: quoted-printable\n\n");
        m.append(quotedPrintable(text.getBytes(UTF8)));
        m.append("--").append(boundary).append('\n');
        m.append("Content-Type: image/jpeg; name=\"IMG_20261102_072955.jpg\"\n");
        m.append("Content-Disposition: attachment; filename=\"IMG_20261102_072955.jpg\"\n");
        m.append("Content-Transfer-Encoding: base64\n\n");
        m.append(base64(jpeg(snowyCarPark(), 0.72f)));
        m.append("--").append(boundary).append("--\n");
        return mail("kari.nordmann@regnskapshuset.example", date, m, UTF8);
    }

    /** An old client that sends 8-bit ISO-8859-1 text as it is: the mbox holds Latin-1 bytes here. */
    private static Mail tooCold() {
        ZonedDateTime date = at("2026-11-03T08:15:47+01:00");
        String text = """
                Hei

                Det er altfor kaldt på kontoret vårt i 2. etasje (Kontor 204). Termometeret
                på veggen viser 17 grader nå kl. 08, og det blir ikke stort bedre utover
                dagen. Radiatorene under vinduene er lunkne øverst og kalde nederst.

                Det har vært slik siden i forrige uke. Kan noen se på varmen, og eventuelt
                lufte radiatorene? Vi er her fra 07.30 hver dag.

                Mvh
                Ola Hansen
                Hansen & Berg Advokatfirma
                Storgata 12, Bygg A/2. etasje/Kontor 204
                """;
        StringBuilder m = new StringBuilder();
        received(m, "mail.hansenberg.example", "203.0.113.52", date.plusSeconds(3), "Lp0XcV7u2E");
        m.append("From: \"Ola Hansen\" <ola.hansen@hansenberg.example>\n");
        m.append("To: <drift@eiendom.example>\n");
        m.append("Subject: ").append(encodedWords("For kaldt på kontoret", LATIN1, 9)).append('\n');
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("Message-ID: <000801dd4c2a$7e1f3b20$7a5db160$@hansenberg.example>\n");
        m.append("MIME-Version: 1.0\n");
        m.append("Content-Type: text/plain;\n\tcharset=\"iso-8859-1\"\n");
        m.append("Content-Transfer-Encoding: 8bit\n");
        m.append("X-Mailer: Microsoft Outlook Express 6.00.2900.5931\n");
        m.append("X-Priority: 3\n\n");
        m.append(text);
        return mail("ola.hansen@hansenberg.example", date, m, LATIN1);
    }

    private static Mail rubbish() {
        ZonedDateTime date = at("2026-11-04T11:02:09+01:00");
        String text = """
                Hei!

                Vi har fått en del pappesker etter flytting og lurer på når søppelet hentes
                hos dere. Er det fast dag for papp og papir, og hvor skal vi sette det?
                Containeren i bakgården var full i går.

                Og hentes restavfall fortsatt på fredager?

                Takk for hjelpen!

                Bjørn Sæther
                Sæther Arkitekter AS
                Bygg B/3. etasje/Kontor 312
                """;
        StringBuilder m = new StringBuilder();
        received(m, "mail-sor-f41.mail.example", "198.51.100.203", date.plusSeconds(1), "Qw8Rt5Yu1I");
        m.append("MIME-Version: 1.0\n");
        m.append("From: ").append(encodedWords("Bjørn Sæther", UTF8, 6))
                .append(" <bjorn@saether-arkitekter.example>\n");
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("Message-ID: <CAJ8kq3v2Rw0Yt+9Lm1XbZp4Fh7nQ6cE_sT5uWq@mail.example>\n");
        m.append("Subject: ").append(encodedWords("Når hentes søppelet?", UTF8, 9)).append('\n');
        m.append("To: drift@eiendom.example\n");
        m.append("Content-Type: text/plain; charset=\"UTF-8\"\n");
        m.append("Content-Transfer-Encoding: base64\n\n");
        m.append(base64(text.getBytes(UTF8)));
        return mail("bjorn@saether-arkitekter.example", date, m, UTF8);
    }

    private static final String LEAK_ID = "<9C4E2A71-6B0D-4F3E-8D52-1A7F3C9E0B64@nordlysdesign.example>";
    private static final ZonedDateTime LEAK_DATE = at("2026-11-05T08:17:33+01:00");
    private static final String LEAK_TEXT = """
            Hei,

            Det har kommet en vannlekkasje i taket på møterommet vårt (Bygg A/3. etasje,
            Kontor 301). Det er en brun flekk på to takplater ved vinduet, og det drypper
            sakte ned på gulvet. Vi har satt ut en bøtte og flyttet bordet.

            Det regnet mye i natt, så det kan komme fra taket eller fra et rør. Bilde
            vedlagt. Kan noen komme og se på det i dag?

            Hilsen
            Ingrid Lie
            Nordlys Design AS
            Tlf. 900 11 301
            """;

    private static Mail leak() {
        String alternative = "Apple-Mail=_4F1C9B2E-7D3A-4E8F-A6B0-2C5D8E1F3A70";
        String mixed = "Apple-Mail=_8A2E6C4D-1B9F-4A3E-B7C5-0D6E2F8A1C94";
        StringBuilder m = new StringBuilder();
        received(m, "mx.nordlysdesign.example", "203.0.113.77", LEAK_DATE.plusSeconds(2), "Zx3Cv6Bn9M");
        m.append("From: Ingrid Lie <ingrid.lie@nordlysdesign.example>\n");
        m.append("Content-Type: multipart/mixed;\n\tboundary=\"").append(mixed).append("\"\n");
        m.append("Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))\n");
        m.append("Subject: ").append(encodedWords("Vannlekkasje i taket på møterommet", UTF8, 9)).append('\n');
        m.append("Message-Id: ").append(LEAK_ID).append('\n');
        m.append("Date: ").append(rfc5322(LEAK_DATE)).append('\n');
        m.append("To: drift@eiendom.example\n");
        m.append("X-Mailer: Apple Mail (2.3826.400.131.1.6)\n\n");
        m.append("\n--").append(mixed).append('\n');
        m.append("Content-Type: multipart/alternative;\n\tboundary=\"").append(alternative).append("\"\n\n");
        m.append("\n--").append(alternative).append('\n');
        m.append("Content-Transfer-Encoding: quoted-printable\n");
        m.append("Content-Type: text/plain;\n\tcharset=utf-8\n\n");
        m.append(quotedPrintable(LEAK_TEXT.getBytes(UTF8)));
        m.append("\n--").append(alternative).append('\n');
        m.append("Content-Transfer-Encoding: quoted-printable\n");
        m.append("Content-Type: text/html;\n\tcharset=utf-8\n\n");
        m.append(quotedPrintable(simpleHtml(LEAK_TEXT).getBytes(UTF8)));
        m.append("\n--").append(alternative).append("--\n");
        m.append("\n--").append(mixed).append('\n');
        m.append("Content-Disposition: attachment;\n\tfilename=IMG_4211.jpeg\n");
        m.append("Content-Type: image/jpeg;\n\tx-unix-mode=0644;\n\tname=\"IMG_4211.jpeg\"\n");
        m.append("Content-Transfer-Encoding: base64\n\n");
        m.append(base64(jpeg(ceilingStain(), 0.75f)));
        m.append("\n--").append(mixed).append("--\n");
        return mail("ingrid.lie@nordlysdesign.example", LEAK_DATE, m, UTF8);
    }

    /** Outlook: HTML only, windows-1252, the photo pasted into the text (multipart/related, cid:), time in UTC. */
    private static Mail lift() {
        ZonedDateTime date = at("2026-11-05T12:02:33+00:00");
        byte[] photo = jpeg(liftPanel(), 0.78f);
        String related = "_004_AM9PR07MB71452C3E8F0A1B2D4C6E8F0A1B2D4AM9PR07MB7145eurp_";
        String html = """
                <html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
                xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" \
                xmlns="http://www.w3.org/TR/REC-html40">
                <head>
                <meta http-equiv="Content-Type" content="text/html; charset=Windows-1252">
                <meta name="Generator" content="Microsoft Word 15 (filtered medium)">
                <style><!--
                /* Font Definitions */
                @font-face
                	{font-family:"Cambria Math";
                	panose-1:2 4 5 3 5 4 6 3 2 4;}
                @font-face
                	{font-family:Aptos;}
                /* Style Definitions */
                p.MsoNormal, li.MsoNormal, div.MsoNormal
                	{margin:0cm;
                	font-size:11.0pt;
                	font-family:"Aptos",sans-serif;
                	mso-ligatures:standardcontextual;
                	mso-fareast-language:EN-US;}
                span.E-postmalstil17
                	{mso-style-type:personal-compose;
                	font-family:"Aptos",sans-serif;
                	color:windowtext;}
                .MsoChpDefault
                	{mso-style-type:export-only;
                	font-size:11.0pt;}
                @page WordSection1
                	{size:612.0pt 792.0pt;
                	margin:70.85pt 70.85pt 70.85pt 70.85pt;}
                div.WordSection1
                	{page:WordSection1;}
                --></style><!--[if gte mso 9]><xml>
                <o:shapedefaults v:ext="edit" spidmax="1026" />
                </xml><![endif]-->
                </head>
                <body lang="NO-BOK" link="#467886" vlink="#96607D" style="word-wrap:break-word">
                <div class="WordSection1">
                <p class="MsoNormal">Hei,<o:p></o:p></p>
                <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
                <p class="MsoNormal">Heisen i Bygg B står igjen – den stoppet mellom 2. og 3. etasje i formiddag og \
                viser nå bare en feilkode i displayet (se bilde). Ingen satt fast denne gangen, men vi har en \
                kollega med krykker som er avhengig av heisen, og vi får besøk av kunder i 4. etasje i morgen.<o:p></o:p></p>
                <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
                <p class="MsoNormal">Dette er tredje gang på to uker. Kan dere be heisfirmaet se skikkelig på den, \
                og gi beskjed når den går igjen?<o:p></o:p></p>
                <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
                <p class="MsoNormal"><img width="300" height="400" style="width:3.125in;height:4.1666in" \
                id="Bilde_x0020_1" src="cid:image001.jpg@01DD4E2B.5A3C7F10" alt="Heispanel med feilkode"><o:p></o:p></p>
                <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
                <p class="MsoNormal">Med vennlig hilsen<o:p></o:p></p>
                <p class="MsoNormal"><b>Thomas Berg</b><o:p></o:p></p>
                <p class="MsoNormal">Daglig leder | Fjord Consult AS<o:p></o:p></p>
                <p class="MsoNormal">Storgata 12, Bygg B/4. etasje/Kontor 402<o:p></o:p></p>
                <p class="MsoNormal">Mob. +47 930 00 402 | <a href="https://fjordconsult.example/">\
                <span style="color:#467886">fjordconsult.example</span></a><o:p></o:p></p>
                <p class="MsoNormal"><span style="font-size:8.0pt;color:gray">Denne e-posten kan inneholde \
                konfidensiell informasjon. Har du mottatt den ved en feil, gi oss beskjed og slett den.\
                </span><o:p></o:p></p>
                </div>
                </body>
                </html>
                """;
        StringBuilder m = new StringBuilder();
        received(m, "mail-am9pr07mb7145.eurprd07.prod.outlook.example", "198.51.100.88", date.plusSeconds(4),
                "Hs2Jd8Kf4L");
        m.append("From: Thomas Berg <thomas.berg@fjordconsult.example>\n");
        m.append("To: \"drift@eiendom.example\" <drift@eiendom.example>\n");
        m.append("Subject: ").append(encodedWords("Heisen i Bygg B står igjen – feilkode i displayet", CP1252, 9))
                .append('\n');
        m.append("Thread-Topic: ").append(encodedWords("Heisen i Bygg B står igjen – feilkode i displayet", CP1252,
                14)).append('\n');
        m.append("Thread-Index: Ad1OK1o8fxBpQ2VyYXRpb24gY29kZQ==\n");
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("Message-ID: <AM9PR07MB71452C3E8F0A1B2D4C6E8F0A1B2D4@AM9PR07MB7145.eurprd07.prod.outlook.example>\n");
        m.append("Accept-Language: nb-NO, en-US\n");
        m.append("Content-Language: nb-NO\n");
        m.append("X-MS-Has-Attach: yes\n");
        m.append("X-MS-TNEF-Correlator:\n");
        m.append("Content-Type: multipart/related;\n\tboundary=\"").append(related)
                .append("\";\n\ttype=\"text/html\"\n");
        m.append("MIME-Version: 1.0\n\n");
        m.append("--").append(related).append('\n');
        m.append("Content-Type: text/html; charset=\"Windows-1252\"\n");
        m.append("Content-Transfer-Encoding: quoted-printable\n\n");
        m.append(quotedPrintable(html.getBytes(CP1252)));
        m.append("\n--").append(related).append('\n');
        m.append("Content-Type: image/jpeg; name=\"image001.jpg\"\n");
        m.append("Content-Description: image001.jpg\n");
        m.append("Content-Disposition: inline; filename=\"image001.jpg\"; size=").append(photo.length)
                .append(";\n\tcreation-date=\"Thu, 05 Nov 2026 12:02:31 GMT\";\n")
                .append("\tmodification-date=\"Thu, 05 Nov 2026 12:02:31 GMT\"\n");
        m.append("Content-ID: <image001.jpg@01DD4E2B.5A3C7F10>\n");
        m.append("Content-Transfer-Encoding: base64\n\n");
        m.append(base64(photo));
        m.append("\n--").append(related).append("--\n");
        return mail("thomas.berg@fjordconsult.example", date, m, UTF8);
    }

    /** Exchange's out-of-office answer to a notice the desk sent; fetch-mail must skip it (Auto-Submitted). */
    private static Mail outOfOffice() {
        ZonedDateTime date = at("2026-11-06T09:00:41+01:00");
        String text = """
                Takk for e-posten din.

                Jeg er fraværende til og med fredag 13. november og har begrenset tilgang
                til e-post. Henvendelser som haster kan rettes til sentralbordet på
                tlf. 22 00 04 00 eller post@fjordconsult.example.

                Med vennlig hilsen
                Per Olsen
                Fjord Consult AS
                """;
        StringBuilder m = new StringBuilder();
        received(m, "mail-am9pr07mb7145.eurprd07.prod.outlook.example", "198.51.100.88", date.plusSeconds(1),
                "Ty6Ui9Op3A");
        m.append("From: Per Olsen <per.olsen@fjordconsult.example>\n");
        m.append("To: Drift Storgata 12 <drift@eiendom.example>\n");
        m.append("Subject: ").append(encodedWords(
                "Fraværende: Varsel: vannet stenges i Bygg B onsdag 11. november kl. 09–11", UTF8, 9)).append('\n');
        m.append("Thread-Topic: ").append(encodedWords(
                "Varsel: vannet stenges i Bygg B onsdag 11. november kl. 09–11", UTF8, 14)).append('\n');
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("Message-ID: <AM9PR07MB714588E1D0C2B4A6F8E0D2C4B6A8@AM9PR07MB7145.eurprd07.prod.outlook.example>\n");
        m.append("In-Reply-To: <20261106080012.3f9a1c.varsel@eiendom.example>\n");
        m.append("References: <20261106080012.3f9a1c.varsel@eiendom.example>\n");
        m.append("Auto-Submitted: auto-replied\n");
        m.append("X-Auto-Response-Suppress: All\n");
        m.append("X-MS-Exchange-Inbox-Rules-Loop: per.olsen@fjordconsult.example\n");
        m.append("Content-Language: nb-NO\n");
        m.append("Content-Type: text/plain; charset=\"utf-8\"\n");
        m.append("Content-Transfer-Encoding: quoted-printable\n");
        m.append("MIME-Version: 1.0\n\n");
        m.append(quotedPrintable(text.getBytes(UTF8)));
        return mail("per.olsen@fjordconsult.example", date, m, UTF8);
    }

    private static Mail stairwellLamp() {
        ZonedDateTime date = at("2026-11-09T07:52:18+01:00");
        String text = """
                Hei. Lyset i trappeoppgangen i Bygg A er gått mellom 1. og 2. etasje, det er \
                helt mørkt i trappa om morgenen. Lampen på reposet blinker bare litt av og til.

                Mvh Sofie Haugen
                Bygg A/2. etasje/Kontor 207

                Sendt fra min iPhone
                """;
        StringBuilder m = new StringBuilder();
        received(m, "mail-ej1-f54.mail.example", "198.51.100.154", date.plusSeconds(1), "Ghj4Kl7Zx0");
        m.append("Content-Type: text/plain; charset=utf-8\n");
        m.append("Content-Transfer-Encoding: quoted-printable\n");
        m.append("From: Sofie Haugen <sofie.haugen@mail.example>\n");
        m.append("Mime-Version: 1.0 (1.0)\n");
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("Subject: ").append(base64Word("Lyspære gått i trappeoppgangen", 9)).append('\n');
        m.append("Message-Id: <3E7A9C1F-52B8-4D60-9E2A-7F1B3C5D8E09@mail.example>\n");
        m.append("To: drift@eiendom.example\n");
        m.append("X-Mailer: iPhone Mail (22B91)\n\n");
        m.append(quotedPrintable(text.getBytes(UTF8)));
        return mail("sofie.haugen@mail.example", date, m, UTF8);
    }

    /** Ingrid answers her own mail of the 5th: In-Reply-To and References name it, so it threads there. */
    private static Mail leakFollowUp() {
        ZonedDateTime date = at("2026-11-10T09:31:05+01:00");
        StringBuilder quoted = new StringBuilder();
        for (String line : LEAK_TEXT.split("\n", -1)) {
            if (!line.isEmpty() || quoted.length() > 0) {
                quoted.append(line.isEmpty() ? ">" : "> " + line).append('\n');
            }
        }
        String text = """
                Hei igjen,

                Følger opp denne: det er ikke kommet noen hit ennå, og nå drypper det også
                ved vinduet i Kontor 302 ved siden av. Flekken i taket er blitt større og en
                av takplatene henger ned. Vi har stengt møterommet.

                Hilsen Ingrid

                """ + "> Den 5. nov. 2026 kl. 08:17 skrev Ingrid Lie <ingrid.lie@nordlysdesign.example>:\n>\n"
                + quoted.toString().stripTrailing() + "\n";
        String id = "<0F3B7D2E-9A41-4C6E-B8D0-5E2A7C9F1B38@nordlysdesign.example>";
        StringBuilder m = new StringBuilder();
        received(m, "mx.nordlysdesign.example", "203.0.113.77", date.plusSeconds(2), "Rt1Yu4Io7P");
        m.append("From: Ingrid Lie <ingrid.lie@nordlysdesign.example>\n");
        m.append("Content-Type: text/plain;\n\tcharset=utf-8\n");
        m.append("Content-Transfer-Encoding: quoted-printable\n");
        m.append("Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))\n");
        m.append("Subject: ").append(encodedWords("Re: Vannlekkasje i taket på møterommet", UTF8, 9)).append('\n');
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("References: ").append(LEAK_ID).append('\n');
        m.append("To: drift@eiendom.example\n");
        m.append("In-Reply-To: ").append(LEAK_ID).append('\n');
        m.append("Message-Id: ").append(id).append('\n');
        m.append("X-Mailer: Apple Mail (2.3826.400.131.1.6)\n\n");
        m.append(quotedPrintable(text.getBytes(UTF8)));
        return mail("ingrid.lie@nordlysdesign.example", date, m, UTF8);
    }

    /** A long subject in two encoded words on two lines, and a PDF whose name needs RFC 2231. */
    private static Mail ventilationNoise() {
        ZonedDateTime date = at("2026-11-12T14:44:52+01:00");
        String text = """
                Hei,

                Ventilasjonen i 3. etasje i Bygg B lager en høy, jevn dur som har blitt
                verre den siste uken, særlig etter kl. 15 når anlegget går opp i fart. Det
                er verst i Kontor 305 og på gangen utenfor. Vi har målt med en app og
                fått rundt 48 dB(A) ved pultene, mot ca. 35 tidligere.

                Målingene ligger ved som PDF. Kan noen fra drift eller ventilasjonsfirmaet
                komme innom? Det går fint hvilken som helst dag etter kl. 10.

                Med vennlig hilsen
                Knut Dahl
                Dahl Revisjon AS
                Bygg B/3. etasje/Kontor 305
                """;
        String boundary = "=_Part_48213_1637452391.1794491092417";
        String pdfName = "Støymåling kontor 305.pdf";
        StringBuilder m = new StringBuilder();
        received(m, "smtp.dahlrevisjon.example", "203.0.113.19", date.plusSeconds(2), "Wq5Er8Ty1U");
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("From: Knut Dahl <knut.dahl@dahlrevisjon.example>\n");
        m.append("To: drift@eiendom.example\n");
        m.append("Message-ID: <1794491092417.48213.1637452391@webmail.dahlrevisjon.example>\n");
        m.append("Subject: ").append(encodedWords("Støy fra ventilasjonen i 3. etasje, Bygg B – målinger vedlagt",
                UTF8, 9)).append('\n');
        m.append("MIME-Version: 1.0\n");
        m.append("Content-Type: multipart/mixed;\n\tboundary=\"").append(boundary).append("\"\n");
        m.append("X-Mailer: Webmail 2.4\n\n");
        m.append("--").append(boundary).append('\n');
        m.append("Content-Type: text/plain; charset=UTF-8\n");
        m.append("Content-Transfer-Encoding: quoted-printable\n\n");
        m.append(quotedPrintable(text.getBytes(UTF8)));
        m.append("--").append(boundary).append('\n');
        m.append("Content-Type: application/pdf; name=\"").append(encodedWords(pdfName, UTF8, 0)).append("\"\n");
        m.append("Content-Transfer-Encoding: base64\n");
        m.append("Content-Disposition: attachment;\n\tfilename*=UTF-8''").append(percentEncode(pdfName, UTF8))
                .append('\n');
        m.append('\n');
        m.append(base64(noiseReportPdf()));
        m.append("--").append(boundary).append("--\n");
        return mail("knut.dahl@dahlrevisjon.example", date, m, UTF8);
    }

    /** 8-bit UTF-8, Norwegian and English; the English line starting "From " is what mboxrd escaping is for. */
    private static Mail keyCard() {
        ZonedDateTime date = at("2026-11-16T08:06:27+01:00");
        String text = """
                Hei,

                Adgangskortet mitt (nr. 0041 7732) virker ikke lenger på hoveddøren i
                Storgata 12. Leseren blinker rødt og piper to ganger. Det virket fint
                fredag. Jeg kommer inn i dag fordi en kollega slapp meg inn.

                (English below: I am still learning Norwegian.)

                Hi,

                My key card (no. 0041 7732) stopped working at the main entrance.
                From this morning the reader blinks red and beeps twice. Could you
                reactivate it, or tell me where to get a new one?

                Takk / Thank you
                Aisha Rahman
                Regnskapshuset AS, Bygg A/1. etasje/Kontor 106
                """;
        StringBuilder m = new StringBuilder();
        received(m, "smtp.regnskapshuset.example", "198.51.100.14", date.plusSeconds(1), "Mn3Bv6Cx9Z");
        m.append("Message-ID: <c41d7e0a-8b2f-4e95-a3c6-1f0e9d7b5a24@regnskapshuset.example>\n");
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("MIME-Version: 1.0\n");
        m.append("User-Agent: Mozilla Thunderbird\n");
        m.append("To: drift@eiendom.example\n");
        m.append("From: Aisha Rahman <aisha.rahman@regnskapshuset.example>\n");
        m.append("Subject: Adgangskort virker ikke / Key card not working\n");
        m.append("Content-Type: text/plain; charset=UTF-8\n");
        m.append("Content-Transfer-Encoding: 8bit\n\n");
        m.append(text);
        return mail("aisha.rahman@regnskapshuset.example", date, m, UTF8);
    }

    private static Mail blockedDriveway() {
        ZonedDateTime date = at("2026-11-23T07:58:40+01:00");
        String text = """
                Hei

                En grå varebil (EK 12345) står parkert rett foran innkjøringen til
                parkeringskjelleren og har stått der siden i går kveld. Ingen av oss
                kommer inn eller ut. Vet dere hvem den tilhører, eller kan dere ringe
                parkeringsselskapet?

                Hilsen
                Marte Kvam
                Kvam & Co Regnskap, Bygg B/1. etasje/Kontor 103
                """;
        StringBuilder m = new StringBuilder();
        received(m, "mail-wm1-f47.mail.example", "198.51.100.47", date.plusSeconds(1), "Df2Gh5Jk8L");
        m.append("MIME-Version: 1.0\n");
        m.append("From: Marte Kvam <marte.kvam@kvamco.example>\n");
        m.append("Date: ").append(rfc5322(date)).append('\n');
        m.append("Message-ID: <CAH3xR7pM2qW9z+Kt4LfV8yB1nD5cS0aE6gU2jO@mail.example>\n");
        m.append("Subject: ").append(encodedWords("Varebil sperrer innkjøringen til garasjen", UTF8, 9)).append('\n');
        m.append("To: Drift <drift@eiendom.example>\n");
        m.append("Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3d4e5f60718\"\n\n");
        m.append("--000000000000a1b2c3d4e5f60718\n");
        m.append("Content-Type: text/plain; charset=\"UTF-8\"\n");
        m.append("Content-Transfer-Encoding: quoted-printable\n\n");
        m.append(quotedPrintable(text.getBytes(UTF8)));
        m.append("\n--000000000000a1b2c3d4e5f60718\n");
        m.append("Content-Type: text/html; charset=\"UTF-8\"\n");
        m.append("Content-Transfer-Encoding: quoted-printable\n\n");
        m.append(quotedPrintable(simpleHtml(text).getBytes(UTF8)));
        m.append("\n--000000000000a1b2c3d4e5f60718--\n");
        return mail("marte.kvam@kvamco.example", date, m, UTF8);
    }

    // ------------------------------------------------------------------------------------------------ the pieces

    private static ZonedDateTime at(String iso) {
        return ZonedDateTime.parse(iso);
    }

    private static String rfc5322(ZonedDateTime date) {
        return RFC5322.format(date);
    }

    /** Our MX's header (mail() adds Return-Path and Delivered-To); its clock is a few seconds after the sender's. */
    private static void received(StringBuilder m, String fromHost, String ip, ZonedDateTime at, String queueId) {
        ZonedDateTime local = at.withZoneSameInstant(ZoneOffset.ofHours(1));
        m.append("Received: from ").append(fromHost).append(" (").append(fromHost).append(" [").append(ip)
                .append("])\n\tby mx1.eiendom.example (Postfix) with ESMTPS id 4").append(queueId)
                .append("\n\tfor <drift@eiendom.example>; ").append(rfc5322(local)).append('\n');
    }

    private static Mail mail(String envelopeFrom, ZonedDateTime date, StringBuilder m, Charset charset) {
        String text = "Return-Path: <" + envelopeFrom + ">\nDelivered-To: drift@eiendom.example\n" + m;
        return new Mail(envelopeFrom, date, text.getBytes(charset));
    }

    private static void appendMboxrd(ByteArrayOutputStream mbox, Mail mail) {
        String separator = "From " + mail.envelopeFrom() + " "
                + ASCTIME.format(mail.date().withZoneSameInstant(ZoneOffset.UTC)) + "\n";
        mbox.writeBytes(separator.getBytes(StandardCharsets.US_ASCII));
        byte[] b = mail.bytes();
        int start = 0;
        while (start < b.length) {
            int end = start;
            while (end < b.length && b[end] != '\n') {
                end++;
            }
            int gt = start;
            while (gt < end && b[gt] == '>') {
                gt++;
            }
            if (end - gt >= 5 && new String(b, gt, 5, StandardCharsets.US_ASCII).equals("From ")) {
                mbox.write('>');
            }
            mbox.write(b, start, Math.min(end + 1, b.length) - start);
            start = end + 1;
        }
        if (b.length > 0 && b[b.length - 1] != '\n') {
            mbox.write('\n');
        }
        mbox.write('\n');
    }

    /** Quoted-printable, 76 columns, LF line ends; "From " at a line start is encoded too, as MTAs do. */
    private static String quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean endOfLine = i + 1 == bytes.length || bytes[i + 1] == '\n';
            if (c == '\n') {
                out.append(line).append('\n');
                line.setLength(0);
                continue;
            }
            String token;
            boolean fromAtStart = line.length() == 0 && c == 'F' && startsWith(bytes, i, "From ");
            if (c == '=' || c > 126 || (c < 32 && c != '\t') || ((c == ' ' || c == '\t') && endOfLine)
                    || fromAtStart) {
                token = String.format("=%02X", c);
            } else {
                token = String.valueOf((char) c);
            }
            if (line.length() + token.length() > 75) {
                out.append(line).append("=\n");
                line.setLength(0);
            }
            line.append(token);
        }
        out.append(line);
        if (line.length() > 0) {
            out.append("=\n");
        }
        return out.toString();
    }

    private static boolean startsWith(byte[] bytes, int at, String prefix) {
        if (at + prefix.length() > bytes.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (bytes[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(bytes) + "\n";
    }

    /**
     * RFC 2047 Q-encoded words, split between characters so that no line passes 76 columns; {@code indent} is how
     * far the first word starts (the header name). Plain ASCII text is returned as it is.
     */
    private static String encodedWords(String text, Charset charset, int indent) {
        if (text.chars().allMatch(c -> c >= 32 && c < 127)) {
            return text;
        }
        String prefix = "=?" + charset.name() + "?Q?";
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int room = 75 - indent;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            StringBuilder token = new StringBuilder();
            for (byte b : new String(Character.toChars(cp)).getBytes(charset)) {
                int c = b & 0xff;
                if (c == ' ') {
                    token.append('_');
                } else if (Character.isLetterOrDigit(c) && c < 128 || "!*+-/".indexOf(c) >= 0) {
                    token.append((char) c);
                } else {
                    token.append(String.format("=%02X", c));
                }
            }
            if (prefix.length() + word.length() + token.length() + 2 > room) {
                words.add(prefix + word + "?=");
                word.setLength(0);
                room = 75 - 1;
            }
            word.append(token);
        }
        words.add(prefix + word + "?=");
        return String.join("\n ", words);
    }

    /** One RFC 2047 B-encoded word, as iPhone Mail writes subjects with non-ASCII letters. */
    private static String base64Word(String text, int indent) {
        String word = "=?utf-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(UTF8)) + "?=";
        if (indent + word.length() > 76) {
            throw new IllegalArgumentException("subject too long for one encoded word: " + text);
        }
        return word;
    }

    private static String percentEncode(String text, Charset charset) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(charset)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    /** The HTML part mail clients write beside the text: a div per paragraph, br per line. */
    private static String simpleHtml(String text) {
        StringBuilder html = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=utf-8\"></head><body dir=\"auto\">");
        for (String paragraph : text.strip().split("\n\n")) {
            html.append("<div>")
                    .append(paragraph.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                            .replace("\n", "<br>"))
                    .append("</div><div><br></div>");
        }
        return html.append("</body></html>\n").toString();
    }

    // --------------------------------------------------------------------------------------------- the pictures

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static Graphics2D paint(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** Sensor noise: what makes a phone photo a phone photo (and a JPEG of a plausible size). */
    private static void grain(BufferedImage image, Random random, int amount) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int n = (int) (random.nextGaussian() * amount);
                int r = clamp(((rgb >> 16) & 0xff) + n);
                int gr = clamp(((rgb >> 8) & 0xff) + n);
                int b = clamp((rgb & 0xff) + n);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** A car park at dawn after snowfall: grey sky, a building, lamp posts, two snowed-in cars, wheel tracks. */
    private static BufferedImage snowyCarPark() {
        Random random = new Random(20261102L);
        BufferedImage image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paint(image);
        g.setPaint(new GradientPaint(0, 0, new Color(96, 106, 124), 0, 150, new Color(168, 172, 180)));
        g.fillRect(0, 0, 480, 150);
        g.setColor(new Color(120, 98, 84));                 // the office building behind
        g.fillRect(250, 40, 230, 115);
        g.setColor(new Color(236, 226, 170));
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 7; col++) {
                if (random.nextInt(5) > 0) {
                    g.fillRect(262 + col * 31, 52 + row * 25, 18, 14);
                }
            }
        }
        g.setPaint(new GradientPaint(0, 140, new Color(205, 210, 218), 0, 360, new Color(240, 242, 246)));
        g.fillRect(0, 140, 480, 220);
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(150, 152, 158));                // wheel tracks, compacted and icy
        for (int t = 0; t < 2; t++) {
            Path2D track = new Path2D.Double();
            track.moveTo(40 + t * 28, 360);
            track.curveTo(120 + t * 28, 270, 230 + t * 20, 220, 330 + t * 14, 165);
            g.draw(track);
        }
        drawCar(g, 60, 175, new Color(150, 30, 35));
        drawCar(g, 360, 200, new Color(40, 60, 110));
        g.setColor(new Color(55, 58, 62));                   // lamp posts
        g.fillRect(210, 70, 5, 110);
        g.fillRect(450, 60, 5, 140);
        g.setColor(new Color(250, 240, 200));
        g.fill(new Ellipse2D.Double(204, 64, 18, 10));
        g.fill(new Ellipse2D.Double(444, 54, 18, 10));
        g.setColor(new Color(255, 255, 255, 200));           // falling flakes
        for (int i = 0; i < 260; i++) {
            double s = 1.5 + random.nextDouble() * 2.5;
            g.fill(new Ellipse2D.Double(random.nextInt(480), random.nextInt(360), s, s));
        }
        g.dispose();
        grain(image, random, 5);
        return image;
    }

    private static void drawCar(Graphics2D g, int x, int y, Color paint) {
        g.setColor(paint.darker());
        g.fill(new RoundRectangle2D.Double(x, y + 18, 100, 32, 12, 12));
        g.setColor(paint);
        g.fill(new RoundRectangle2D.Double(x + 18, y, 62, 28, 14, 14));
        g.setColor(new Color(60, 70, 80));
        g.fillRect(x + 26, y + 6, 20, 14);
        g.fillRect(x + 52, y + 6, 20, 14);
        g.setColor(new Color(245, 246, 248));                // snow on the roof and bonnet
        g.fill(new RoundRectangle2D.Double(x + 14, y - 6, 70, 12, 10, 10));
        g.fill(new RoundRectangle2D.Double(x - 2, y + 14, 30, 8, 6, 6));
        g.fill(new RoundRectangle2D.Double(x + 74, y + 14, 28, 8, 6, 6));
        g.setColor(new Color(25, 25, 28));
        g.fill(new Ellipse2D.Double(x + 10, y + 40, 20, 20));
        g.fill(new Ellipse2D.Double(x + 70, y + 40, 20, 20));
    }

    /** Suspended ceiling tiles seen from below, a light fitting, and a brown water stain with a darker rim. */
    private static BufferedImage ceilingStain() {
        Random random = new Random(20261105L);
        BufferedImage image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paint(image);
        g.setPaint(new GradientPaint(0, 0, new Color(214, 212, 204), 480, 360, new Color(178, 176, 170)));
        g.fillRect(0, 0, 480, 360);
        for (int i = 0; i < 5000; i++) {                      // the mineral-fibre texture of the tiles
            int shade = 150 + random.nextInt(50);
            g.setColor(new Color(shade, shade, shade - 6, 90));
            g.fillRect(random.nextInt(480), random.nextInt(360), 1 + random.nextInt(2), 1);
        }
        // Tide marks: each wetting left a ring; the newest (innermost) is the darkest.
        double[] radii = new double[24];
        for (int k = 0; k < radii.length; k++) {
            radii[k] = 1 + random.nextGaussian() * 0.07;
        }
        for (int ring = 0; ring < 4; ring++) {
            Path2D stain = blob(300, 170, 95 - ring * 20, radii, ring * 0.4);
            g.setColor(new Color(160 - ring * 10, 122 - ring * 10, 70 - ring * 6, 70));
            g.fill(stain);
            g.setStroke(new BasicStroke(4f - ring * 0.6f));
            g.setColor(new Color(120 - ring * 8, 84 - ring * 8, 40, 110));
            g.draw(stain);
        }
        g.setColor(new Color(96, 70, 40, 200));               // the drop forming
        g.fill(new Ellipse2D.Double(300, 178, 9, 12));
        g.setStroke(new BasicStroke(5f));                      // the grid of the suspended ceiling
        g.setColor(new Color(236, 236, 232));
        for (int x = 20; x < 480; x += 150) {
            g.drawLine(x, 0, x - 14, 360);
        }
        for (int y = 30; y < 360; y += 120) {
            g.drawLine(0, y, 480, y + 10);
        }
        g.setColor(new Color(248, 248, 244));                  // a light fitting in one tile
        g.fillRect(30, 160, 130, 95);
        g.setColor(new Color(210, 210, 206));
        for (int i = 0; i < 6; i++) {
            g.drawLine(34 + i * 24, 162, 34 + i * 24, 252);
        }
        g.dispose();
        grain(image, random, 6);
        return image;
    }

    /** A closed, smooth, irregular outline: quadratic curves through the midpoints of a wobbly polygon. */
    private static Path2D blob(double cx, double cy, double r, double[] wobble, double turn) {
        int n = wobble.length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            double a = Math.PI * 2 * k / n + turn;
            xs[k] = cx + Math.cos(a) * r * wobble[k] * 1.3;
            ys[k] = cy + Math.sin(a) * r * wobble[(k + 5) % n] * 0.85;
        }
        Path2D path = new Path2D.Double();
        path.moveTo((xs[n - 1] + xs[0]) / 2, (ys[n - 1] + ys[0]) / 2);
        for (int k = 0; k < n; k++) {
            int next = (k + 1) % n;
            path.quadTo(xs[k], ys[k], (xs[k] + xs[next]) / 2, (ys[k] + ys[next]) / 2);
        }
        path.closePath();
        return path;
    }

    /** The car's operating panel: brushed steel, round buttons with Braille dots, a display showing "E 17". */
    private static BufferedImage liftPanel() {
        Random random = new Random(20261106L);
        BufferedImage image = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paint(image);
        g.setColor(new Color(170, 172, 175));
        g.fillRect(0, 0, 300, 400);
        for (int x = 0; x < 300; x++) {                        // brushing: vertical streaks
            int shade = 160 + random.nextInt(30);
            g.setColor(new Color(shade, shade + 2, shade + 5, 70));
            g.drawLine(x, 0, x, 400);
        }
        g.setColor(new Color(20, 20, 22));
        g.fill(new RoundRectangle2D.Double(70, 30, 160, 70, 10, 10));
        g.setColor(new Color(230, 60, 40));
        sevenSegment(g, 'E', 88, 45, 22, 40);
        sevenSegment(g, '1', 148, 45, 22, 40);
        sevenSegment(g, '7', 182, 45, 22, 40);
        int[][] positions = {{95, 150}, {175, 150}, {95, 215}, {175, 215}, {95, 280}, {175, 280}};
        char[] labels = {'1', '2', '3', '4', '5', '6'};
        for (int i = 0; i < positions.length; i++) {
            int x = positions[i][0];
            int y = positions[i][1];
            g.setColor(new Color(90, 92, 96));
            g.fill(new Ellipse2D.Double(x - 4, y - 4, 48, 48));
            g.setColor(new Color(200, 202, 206));
            g.fill(new Ellipse2D.Double(x, y, 40, 40));
            g.setColor(new Color(40, 40, 44));
            sevenSegment(g, labels[i], x + 14, y + 10, 12, 20);
            g.setColor(new Color(60, 60, 64));
            for (int d = 0; d < 3; d++) {
                g.fill(new Ellipse2D.Double(x + 46, y + 8 + d * 8, 4, 4));
            }
        }
        g.setColor(new Color(220, 170, 30));                    // the alarm button
        g.fill(new Ellipse2D.Double(130, 340, 40, 40));
        g.setColor(new Color(40, 40, 44));
        g.setStroke(new BasicStroke(3f));
        g.drawArc(140, 350, 20, 20, 0, 180);
        g.drawLine(140, 360, 160, 360);
        g.setPaint(new GradientPaint(0, 0, new Color(255, 255, 255, 60), 300, 400, new Color(0, 0, 0, 60)));
        g.fillRect(0, 0, 300, 400);                             // the light from the ceiling of the car
        g.dispose();
        grain(image, random, 4);
        return image;
    }

    /** A seven-segment glyph, so that no font is needed (fonts differ between machines; these bytes must not). */
    private static void sevenSegment(Graphics2D g, char c, int x, int y, int w, int h) {
        String lit = switch (c) {
            case '1' -> "bc";
            case '2' -> "abged";
            case '3' -> "abgcd";
            case '4' -> "fgbc";
            case '5' -> "afgcd";
            case '6' -> "afgedc";
            case '7' -> "abc";
            case 'E' -> "afged";
            default -> throw new IllegalArgumentException(String.valueOf(c));
        };
        int t = Math.max(2, w / 5);
        int half = h / 2;
        for (char s : lit.toCharArray()) {
            switch (s) {
                case 'a' -> g.fillRect(x, y, w, t);
                case 'b' -> g.fillRect(x + w - t, y, t, half);
                case 'c' -> g.fillRect(x + w - t, y + half, t, half);
                case 'd' -> g.fillRect(x, y + h - t, w, t);
                case 'e' -> g.fillRect(x, y + half, t, half);
                case 'f' -> g.fillRect(x, y, t, half);
                case 'g' -> g.fillRect(x, y + half - t / 2, w, t);
                default -> throw new IllegalStateException();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- the PDF

    /** A one-page PDF 1.4 with a table of noise measurements, Helvetica in WinAnsiEncoding (so "ø" is one byte). */
    private static byte[] noiseReportPdf() {
        StringBuilder content = new StringBuilder();
        content.append("BT /F2 16 Tf 56 780 Td (Støymåling – Kontor 305, Bygg B, Storgata 12) Tj ET\n");
        content.append("BT /F1 10 Tf 56 758 Td ")
                .append("(Målt med mobilapp \\(SPL-meter\\), 1,2 m over gulv, ved pultene.) Tj ET\n");
        content.append("0.6 w 56 740 m 540 740 l S\n");
        String[][] rows = {
            {"Dato", "Kl.", "Sted", "dB(A)"},
            {"2. nov.", "10:00", "Kontor 305, pult ved vindu", "36"},
            {"2. nov.", "15:30", "Kontor 305, pult ved vindu", "44"},
            {"9. nov.", "10:00", "Kontor 305, pult ved vindu", "39"},
            {"9. nov.", "15:30", "Kontor 305, pult ved vindu", "47"},
            {"11. nov.", "15:45", "Gangen utenfor 305", "51"},
            {"12. nov.", "15:30", "Kontor 305, pult ved døren", "48"},
        };
        int y = 720;
        for (int r = 0; r < rows.length; r++) {
            String font = r == 0 ? "/F2" : "/F1";
            int[] xs = {56, 136, 196, 440};
            for (int c = 0; c < 4; c++) {
                content.append("BT ").append(font).append(" 10 Tf ").append(xs[c]).append(' ').append(y)
                        .append(" Td (").append(rows[r][c]).append(") Tj ET\n");
            }
            y -= 18;
        }
        content.append("0.6 w 56 ").append(y + 10).append(" m 540 ").append(y + 10).append(" l S\n");
        content.append("BT /F1 10 Tf 56 ").append(y - 12).append(" Td (Til sammenligning: ca. 35 dB(A) ")
                .append("i samme kontor i september.) Tj ET\n");
        content.append("BT /F1 10 Tf 56 ").append(y - 26).append(" Td (Knut Dahl, Dahl Revisjon AS) Tj ET\n");
        byte[] stream = content.toString().replace("dB(A)", "dB\\(A\\)").getBytes(CP1252);

        List<byte[]> objects = List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"),
                concat(ascii("<< /Length " + stream.length + " >>\nstream\n"), stream, ascii("endstream")),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"),
                ascii("<< /Title (Stoymaling kontor 305) /Author (Knut Dahl) /Producer (Webmail 2.4) "
                        + "/CreationDate (D:20261112143000+01'00') >>"));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.4\n"));
        pdf.writeBytes(new byte[] {'%', (byte) 0xe2, (byte) 0xe3, (byte) 0xcf, (byte) 0xd3, '\n'});
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(ascii((i + 1) + " 0 obj\n"));
            pdf.writeBytes(objects.get(i));
            pdf.writeBytes(ascii("\nendobj\n"));
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 7 0 R >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        pdf.writeBytes(ascii(table.toString()));
        return pdf.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
