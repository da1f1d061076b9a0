// Writes a Maildir of generated tenant e-mails for benchmarks: COUNT new messages, each a new inquiry (unique
// Message-ID, no reply headers, nothing automatic), optionally each with an attachment of random bytes.
// Run: java scripts/MakeMaildir.java OUT --count N [--attachment-bytes B] [--seed S] [--layout L]
//
// Without an attachment a message is about 2 KB of Norwegian plain text. With one, it is multipart/mixed with a
// short text and B random bytes in base64, streamed in 57-byte blocks: memory stays flat whatever B is.
// Files are delivered the way an MDA does: written in tmp/, then renamed into new/ as
// "<seconds>.M<micros>P<pid>Q<n>.<host>". The same arguments write the same bytes.
// --layout says where the unread mail lies, as the programs that read a Maildir leave it:
//   new        new/NAME, as the MDA delivered it (the default)
//   new-info   new/NAME:2, (an info suffix without flags, as some delivery agents and getmail write)
//   cur        cur/NAME,S=SIZE,W=SIZE:2, (unread in cur/, as Dovecot leaves mail once a client opened the folder)

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

public class MakeMaildir {

    private static final String HOST = "mx1.eiendom.example";
    private static final int PID = 4242;
    private static final long START = Instant.parse("2026-11-02T06:00:00Z").getEpochSecond();
    private static final DateTimeFormatter RFC5322 = DateTimeFormatter
            .ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT).withZone(ZoneOffset.ofHours(1));

    private static final String[] FIRST = {"Kari", "Ola", "Ingrid", "Bjørn", "Sofie", "Knut", "Aisha", "Marte",
        "Thomas", "Per", "Silje", "Jonas", "Nora", "Håkon", "Emma", "Lars", "Ida", "Magnus", "Thea", "Øystein",
        "Mohammed", "Anna", "Erik", "Maja", "Sindre", "Ragnhild", "Ali", "Camilla", "Pål", "Åse"};
    private static final String[] LAST = {"Nordmann", "Hansen", "Lie", "Sæther", "Haugen", "Dahl", "Rahman",
        "Kvam", "Berg", "Olsen", "Johansen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
        "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Strand", "Bakken", "Løken", "Aas", "Moen", "Ødegård"};
    private static final String[] COMPANIES = {"regnskapshuset", "hansenberg", "saether-arkitekter",
        "nordlysdesign", "fjordconsult", "dahlrevisjon", "kvamco", "tindtech", "havbris", "fjellgrafisk",
        "byradgivning", "elvestrand-advokat", "polarlys-it", "brygga-media", "granli-eiendom"};
    private static final String[] TOPICS = {"Strøing på parkeringsplassen", "For kaldt på kontoret",
        "Når hentes søppelet?", "Lekkasje i taket", "Heisen står", "Lyspære gått i trappeoppgangen",
        "Støy fra ventilasjonen", "Adgangskortet virker ikke", "Dør går ikke i lås", "Vindu lar seg ikke lukke",
        "Varmt og tett på møterommet", "Tett vask på kjøkkenet", "Brannalarmen piper", "Søppel i bakgården",
        "Feilparkert bil ved innkjøringen", "Trekk fra vinduene", "Kaffemaskinen lekker", "Manglende renhold",
        "Ødelagt persienne", "Sykkelboden er full", "Flimrende lys på kontoret", "Vannet er brunt"};
    private static final String[] PLACES = {"Bygg A/1. etasje/Kontor 104", "Bygg A/2. etasje/Kontor 204",
        "Bygg A/3. etasje/Kontor 301", "Bygg B/1. etasje/Kontor 103", "Bygg B/3. etasje/Kontor 305",
        "Bygg B/4. etasje/Kontor 402", "Bygg A/2. etasje/Kontor 207", "Bygg B/3. etasje/Kontor 312"};
    private static final String[] SENTENCES = {
        "Det har vært slik siden i forrige uke, og det blir ikke bedre.",
        "Vi har prøvd å ringe vaktmesteren, men fikk ikke svar.",
        "Kan noen komme og se på det i løpet av dagen?",
        "Flere av de ansatte har klaget, og vi har kunder på besøk i morgen.",
        "Det gjelder særlig om morgenen, før kl. 09.",
        "Vi er på kontoret hver dag fra 07.30 til 16.00, så dere kommer inn når det passer.",
        "Jeg legger gjerne ved et bilde om det hjelper.",
        "Dette er tredje gang i høst, så det hadde vært fint om det ble sett skikkelig på.",
        "På forhånd takk for hjelpen!",
        "Gi gjerne beskjed når dere vet mer, så vi kan planlegge.",
        "Det er glatt, og noen holdt på å gå over ende i går.",
        "Termometeret viser 17 grader, og radiatorene er lunkne.",
        "Det drypper sakte fra en takplate ved vinduet, og vi har satt ut en bøtte.",
        "Lampen blinker av og til, men er stort sett helt mørk.",
        "Lyden er en jevn dur som blir verre utover ettermiddagen.",
        "Leseren blinker rødt og piper to ganger når kortet holdes mot den.",
    };

    public static void main(String... args) throws IOException {
        Path out = null;
        int count = -1;
        long attachmentBytes = 0;
        long seed = 1;
        String layout = "new";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(value(args, ++i));
                case "--attachment-bytes" -> attachmentBytes = Long.parseLong(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--layout" -> layout = value(args, ++i);
                default -> {
                    if (args[i].startsWith("-") || out != null) {
                        usage("unknown argument: " + args[i]);
                    }
                    out = Path.of(args[i]);
                }
            }
        }
        if (out == null || count < 0 || attachmentBytes < 0) {
            usage(null);
        }
        if (!layout.equals("new") && !layout.equals("new-info") && !layout.equals("cur")) {
            usage("--layout takes new, new-info or cur, not " + layout);
        }
        for (String folder : new String[] {"tmp", "new", "cur"}) {
            Files.createDirectories(out.resolve(folder));
        }
        Random random = new Random(seed);
        long total = 0;
        for (int n = 0; n < count; n++) {
            long seconds = START + n * 7L;            // a message every 7 s: dates stay in November for 10,000
            String name = seconds + ".M" + String.format("%06d", (n * 131) % 1_000_000) + "P" + PID + "Q" + (n + 1)
                    + "." + HOST;
            Path tmp = out.resolve("tmp").resolve(name);
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writeMessage(file, n, seconds, attachmentBytes, seed, random);
            }
            long size = Files.size(tmp);
            total += size;
            Path target = switch (layout) {
                case "new-info" -> out.resolve("new").resolve(name + ":2,");
                case "cur" -> out.resolve("cur").resolve(name + ",S=" + size + ",W=" + size + ":2,");
                default -> out.resolve("new").resolve(name);
            };
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(count + " messages, " + total + " bytes");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("MakeMaildir: " + problem);
        }
        System.err.println("usage: java scripts/MakeMaildir.java OUT --count N [--attachment-bytes B] [--seed S]"
                + " [--layout new|new-info|cur]");
        System.exit(2);
    }

    private static void writeMessage(OutputStream out, int n, long seconds, long attachmentBytes, long seed,
            Random random) throws IOException {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String company = COMPANIES[random.nextInt(COMPANIES.length)];
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String place = PLACES[random.nextInt(PLACES.length)];
        String local = ascii(first + "." + last).toLowerCase(Locale.ROOT);
        String address = local + "@" + company + ".example";
        String date = RFC5322.format(Instant.ofEpochSecond(seconds));
        String messageId = String.format("<%d.%d.%08x@%s.example>", seed, n + 1, random.nextInt(), company);
        String subject = topic + " (" + place.substring(place.lastIndexOf('/') + 1) + ")";

        StringBuilder h = new StringBuilder();
        h.append("Return-Path: <").append(address).append(">\n");
        h.append("Delivered-To: drift@eiendom.example\n");
        h.append("Received: from smtp.").append(company).append(".example (smtp.").append(company)
                .append(".example [198.51.100.").append(1 + n % 254).append("])\n\tby ").append(HOST)
                .append(" (Postfix) with ESMTPS id 4B").append(String.format("%08X", n))
                .append("\n\tfor <drift@eiendom.example>; ").append(date).append('\n');
        h.append("From: ").append(encodedWord(first + " " + last)).append(" <").append(address).append(">\n");
        h.append("To: drift@eiendom.example\n");
        h.append("Subject: ").append(encodedWord(subject)).append('\n');
        h.append("Date: ").append(date).append('\n');
        h.append("Message-ID: ").append(messageId).append('\n');
        h.append("MIME-Version: 1.0\n");

        StringBuilder text = new StringBuilder("Hei,\n\n");
        int target = attachmentBytes > 0 ? 300 : 1300;     // with the headers: about 2 KB without an attachment
        while (text.length() < target) {
            StringBuilder paragraph = new StringBuilder();
            int opening = random.nextInt(SENTENCES.length);
            for (int s = 0, k = 2 + random.nextInt(3); s < k; s++) {
                paragraph.append(s == 0 ? "" : " ").append(SENTENCES[(opening + s * 5) % SENTENCES.length]);
            }
            text.append(wrap(paragraph.toString(), 72)).append("\n\n");
        }
        text.append("Vennlig hilsen\n").append(first).append(' ').append(last).append('\n')
                .append("Storgata 12, ").append(place).append('\n');

        if (attachmentBytes == 0) {
            h.append("Content-Type: text/plain; charset=UTF-8\n");
            h.append("Content-Transfer-Encoding: 8bit\n\n");
            out.write(h.toString().getBytes(StandardCharsets.UTF_8));
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        String boundary = String.format("----=_Part_%d_%08x", n + 1, random.nextInt());
        h.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n\n");
        h.append("--").append(boundary).append('\n');
        h.append("Content-Type: text/plain; charset=UTF-8\n");
        h.append("Content-Transfer-Encoding: 8bit\n\n");
        h.append(text).append('\n');
        h.append("--").append(boundary).append('\n');
        String filename = String.format("vedlegg-%05d.dat", n + 1);
        h.append("Content-Type: application/octet-stream; name=\"").append(filename).append("\"\n");
        h.append("Content-Disposition: attachment; filename=\"").append(filename).append("\"\n");
        h.append("Content-Transfer-Encoding: base64\n\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        writeRandomBase64(out, attachmentBytes, random);
        out.write(("--" + boundary + "--\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** 57 bytes make one 76-character base64 line: a block of whole lines at a time, never the whole attachment. */
    private static void writeRandomBase64(OutputStream out, long bytes, Random random) throws IOException {
        Base64.Encoder encoder = Base64.getMimeEncoder(76, new byte[] {'\n'});
        byte[] block = new byte[57 * 1024];
        for (long left = bytes; left > 0; left -= block.length) {
            random.nextBytes(block);
            out.write(encoder.encode(left >= block.length ? block : Arrays.copyOf(block, (int) left)));
            out.write('\n');
        }
    }

    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + 1 + word.length() > width) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }

    /** Plain ASCII as it is; else one RFC 2047 Q-encoded UTF-8 word (our names and subjects fit in one). */
    private static String encodedWord(String text) {
        if (text.chars().allMatch(c -> c >= 32 && c < 127)) {
            return text;
        }
        StringBuilder word = new StringBuilder("=?UTF-8?Q?");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == ' ') {
                word.append('_');
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                word.append((char) c);
            } else {
                word.append(String.format("=%02X", c));
            }
        }
        return word.append("?=").toString();
    }

    /** For the local part of an address: "Bjørn.Sæther" becomes "bjorn.saether". */
    private static String ascii(String name) {
        return name.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o").replace("Ø", "O")
                .replace("å", "a").replace("Å", "A");
    }
}
