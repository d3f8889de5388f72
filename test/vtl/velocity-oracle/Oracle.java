// Renders every *.vtl file in a folder with Apache Velocity 1.7 (default configuration) and writes
// <name>.out next to it. The context holds a few fixed Java values so templates can exercise
// Java String/Map/List methods on real Java objects:
//   $str = "Hello World", $empty = "", $n = 7 (Integer), $list = ArrayList[a, b, c],
//   $map = LinkedHashMap{a=1, b=[x, y]}, $nums = ArrayList[1..1200] (Integers)
// A render error is written as "ERROR: <exception class>".
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

public class Oracle {
  public static void main(String[] args) throws Exception {
    VelocityEngine engine = new VelocityEngine();
    engine.setProperty("runtime.log.logsystem.class", "org.apache.velocity.runtime.log.NullLogChute");
    // API Gateway caps #foreach at 1000 iterations (aws-apigateway.md §3.1); stock Velocity has no cap.
    engine.setProperty("directive.foreach.maxloops", "1000");
    engine.init();
    File dir = new File(args[0]);
    File[] files = dir.listFiles((d, n) -> n.endsWith(".vtl"));
    Arrays.sort(files);
    for (File f : files) {
      String template = new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
      VelocityContext ctx = new VelocityContext();
      ctx.put("str", "Hello World");
      ctx.put("empty", "");
      ctx.put("n", Integer.valueOf(7));
      ctx.put("list", new ArrayList<>(Arrays.asList("a", "b", "c")));
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("a", Integer.valueOf(1));
      map.put("b", new ArrayList<>(Arrays.asList("x", "y")));
      ctx.put("map", map);
      List<Integer> nums = new ArrayList<>();
      for (int i = 1; i <= 1200; i++) nums.add(i);
      ctx.put("nums", nums);
      String out;
      try {
        StringWriter w = new StringWriter();
        engine.evaluate(ctx, w, f.getName(), template);
        out = w.toString();
      } catch (Exception e) {
        out = "ERROR: " + e.getClass().getSimpleName();
      }
      String name = f.getName().substring(0, f.getName().length() - 4);
      Files.write(Paths.get(dir.getPath(), name + ".out"), out.getBytes(StandardCharsets.UTF_8));
    }
  }
}
