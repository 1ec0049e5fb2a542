// boilerpipe's ArticleExtractor (Debian's libboilerpipe-java), one JVM over a
// list of pages.
//
//   java -cp CLASSES:boilerpipe.jar:nekohtml.jar:xercesImpl.jar BoilerpipeRunner --input-list LIST
//
// LIST has one PATH<TAB>URL per line (.html or .html.gz). Writes one JSON
// record per line to stdout in input order ({source, url, title, text} or
// {source, url, error}), then {"bench_stats": {"pages": N, "seconds": T,
// "cpu_seconds": C}} on stderr: wall and CPU time spent in the page loop.
//
// Bytes are decoded as the other peers do (BOM, declared charset in the first
// 4 KB, strict UTF-8, windows-1252) and handed to boilerpipe as a String.

import de.l3s.boilerpipe.document.TextDocument;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import de.l3s.boilerpipe.sax.BoilerpipeSAXInput;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.xml.sax.InputSource;

public final class BoilerpipeRunner {
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

  private BoilerpipeRunner() {}

  static byte[] readAll(String path) throws IOException {
    try (InputStream raw = new FileInputStream(path);
         InputStream in = path.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) out.write(buf, 0, n);
      return out.toByteArray();
    }
  }

  static String decode(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) || ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff))) {
      return new String(b, StandardCharsets.UTF_16);
    }
    String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      try {
        return new String(b, Charset.forName(m.group(1)));
      } catch (RuntimeException e) {
        // unknown label: fall through
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, Charset.forName("windows-1252"));
    }
  }

  static void quote(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20 || (Character.isSurrogate(c) && !validSurrogate(s, i))) {
            sb.append(String.format("\\u%04x", c < 0x20 ? (int) c : 0xfffd));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  static String paragraphs(String content) {
    StringBuilder sb = new StringBuilder();
    for (String line : content.split("\n")) {
      String t = line.trim().replaceAll("\\s+", " ");
      if (t.isEmpty()) continue;
      if (sb.length() > 0) sb.append("\n\n");
      sb.append(t);
    }
    return sb.toString();
  }

  // CPU time of the whole JVM (all threads: JIT and GC included).
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0L;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !args[0].equals("--input-list")) {
      System.err.println("usage: BoilerpipeRunner --input-list LIST");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    int pages = 0;
    for (String line : lines) {
      if (line.isEmpty()) continue;
      int tab = line.indexOf('\t');
      String path = tab < 0 ? line : line.substring(0, tab);
      String url = (tab < 0 || tab == line.length() - 1) ? null : line.substring(tab + 1);
      StringBuilder sb = new StringBuilder(4096);
      sb.append("{\"source\":");
      quote(sb, path);
      sb.append(",\"url\":");
      quote(sb, url);
      try {
        String html = decode(readAll(path));
        TextDocument doc = new BoilerpipeSAXInput(new InputSource(new StringReader(html))).getTextDocument();
        ArticleExtractor.INSTANCE.process(doc);
        sb.append(",\"title\":");
        quote(sb, doc.getTitle());
        sb.append(",\"text\":");
        quote(sb, paragraphs(doc.getContent()));
      } catch (Throwable e) {  // StackOverflowError on deep pages included: a scored miss
        sb.append(",\"title\":null,\"text\":null,\"error\":");
        quote(sb, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      sb.append("}\n");
      out.write(sb.toString());
      pages++;
    }
    out.flush();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    System.err.println("{\"bench_stats\": {\"pages\": " + pages + ", \"seconds\": " + seconds
        + ", \"cpu_seconds\": " + cpuSeconds + "}}");
  }
}
