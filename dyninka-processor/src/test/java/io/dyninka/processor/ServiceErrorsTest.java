package io.dyninka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.dyninka.processor.Compilations.bad;
import static io.dyninka.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import io.dyninka.processor.checking.ErrorMessages;
import io.dyninka.processor.checking.ErrorMessages.NotJson;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A @Service method is refused")
class ServiceErrorsTest {

  @Nested
  @DisplayName("for its declaration")
  class Declarations {
    private final JavaFileObject source = bad("org/example/bad/ServiceDeclarations.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("when it is not static")
    void notStatic() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.serviceNotStatic("ServiceDeclarations.notStatic"))
          .inFile(source)
          .onLineContaining("int notStatic()");
    }

    @Test
    @DisplayName("when it is private")
    void isPrivate() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.servicePrivate("ServiceDeclarations.hidden"))
          .inFile(source)
          .onLineContaining("private static int hidden()");
    }

    @Test
    @DisplayName("when it is generic")
    void generic() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.serviceGeneric("ServiceDeclarations.generic"))
          .inFile(source)
          .onLineContaining("static <T> T generic(T value)");
    }

    @Test
    @DisplayName("when it returns void")
    void returnsVoid() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.serviceReturnsVoid("ServiceDeclarations.nothing"))
          .inFile(source)
          .onLineContaining("static void nothing(int x)");
    }

    @Test
    @DisplayName("when @Service(name) gives no DNS-1035 label (on the annotation)")
    void explicitNameNotDns() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.serviceNameNotDns("get.reading", "get.reading"))
          .inFile(source)
          .onLineContaining("@Service(name = \"get.reading\")");
    }

    @Test
    @DisplayName("when its method name gives no DNS-1035 label (on the method)")
    void methodNameNotDns() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.serviceNameNotDns("get$reading", "get$reading"))
          .inFile(source)
          .onLineContaining("static int get$reading()");
    }
  }

  @Nested
  @DisplayName("for a member deep inside an input or output type")
  class DeepJson {
    private final JavaFileObject source = bad("org/example/bad/DeepJson.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("an InputStream in a record in a list, with its path, on the parameter")
    void throughListAndRecords() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.memberNotJson(
                  "Order.items[].attachment",
                  "InputStream",
                  ErrorMessages.inputPart("order", "score"),
                  NotJson.STREAM))
          .inFile(source)
          .onLineContaining("static int score(Model.Order order)");
    }

    @Test
    @DisplayName("a list of threads in an output record, on the method")
    void typeArgumentOfAComponent() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.memberNotJson(
                  "Crew.workers", "List<Thread>", ErrorMessages.outputPart("crew"), NotJson.THREAD))
          .inFile(source)
          .onLineContaining("static Crew crew()");
    }

    @Test
    @DisplayName("a map key that Jackson cannot write as a string")
    void mapKey() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.memberNotJson(
                  "Grid.cells<key>",
                  "Point",
                  ErrorMessages.inputPart("grid", "grid"),
                  NotJson.MAP_KEY))
          .inFile(source)
          .onLineContaining("static int grid(Grid grid)");
    }

    @Test
    @DisplayName("a bean property, read off its getter, through Optional")
    void beanGetter() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.memberNotJson(
                  "Ticket.kind",
                  "Optional<Class<?>>",
                  ErrorMessages.outputPart("ticket"),
                  NotJson.CLASS))
          .inFile(source)
          .onLineContaining("static Ticket ticket()");
    }

    @Test
    @DisplayName("warns about an Object, an interface and a raw field, naming each")
    void undecidable() {
      String part = ErrorMessages.inputPart("note", "note");
      assertThat(compilation)
          .hadWarningContaining(
              ErrorMessages.memberMaybeNotJson(
                  "Note.anything", "Object", part, NotJson.MAYBE_OBJECT))
          .inFile(source)
          .onLineContaining("static int note(Note note)");
      assertThat(compilation)
          .hadWarningContaining(
              ErrorMessages.memberMaybeNotJson(
                  "Note.text", "CharSequence", part, NotJson.MAYBE_INTERFACE))
          .inFile(source)
          .onLineContaining("static int note(Note note)");
      assertThat(compilation)
          .hadWarningContaining(
              ErrorMessages.memberMaybeNotJson("Note.raw", "List", part, NotJson.MAYBE_RAW))
          .inFile(source)
          .onLineContaining("static int note(Note note)");
    }

    @Test
    @DisplayName("ends on a type that refers to itself, and leaves untyped JSON alone")
    void recursiveAndUntyped() {
      assertThat(compilation).hadErrorCount(4);
      Assertions.assertThat(compilation.diagnostics())
          .noneMatch(d -> d.getMessage(null).contains("service tree"))
          .noneMatch(d -> d.getMessage(null).contains("service untyped"));
    }
  }

  @Nested
  @DisplayName("for an input or output that cannot travel as JSON")
  class Json {
    private final JavaFileObject source = bad("org/example/bad/NotJson.java");
    private final Compilation compilation = compile(source);

    private void input(String parameter, String service, String type, String why, String line) {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.inputNotJson(parameter, service, type, why))
          .inFile(source)
          .onLineContaining(line);
    }

    private void output(String service, String type, String why, String line) {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.outputNotJson(service, type, why))
          .inFile(source)
          .onLineContaining(line);
    }

    @Test
    @DisplayName("a Thread")
    void thread() {
      input("worker", "thread", "Thread", NotJson.THREAD, "thread(Thread worker)");
    }

    @Test
    @DisplayName("an InputStream, and a subtype of Reader")
    void streams() {
      input("body", "stream", "InputStream", NotJson.STREAM, "stream(InputStream body)");
      input("lines", "reader", "BufferedReader", NotJson.STREAM, "reader(BufferedReader lines)");
    }

    @Test
    @DisplayName("the Vertx instance")
    void vertx() {
      input("vertx", "vertx", "Vertx", NotJson.VERTX, "vertx(Vertx vertx)");
    }

    @Test
    @DisplayName("a functional interface")
    void function() {
      input("f", "function", "Function<String, String>", NotJson.FUNCTION, "function(Function<");
    }

    @Test
    @DisplayName("a Class")
    void type() {
      input("type", "type", "Class<?>", NotJson.CLASS, "type(Class<?> type)");
    }

    @Test
    @DisplayName("an Optional input")
    void optionalInput() {
      input("maybe", "maybe", "Optional<String>", NotJson.OPTIONAL, "maybe(Optional<String>");
    }

    @Test
    @DisplayName("an Optional inside the Future a service returns")
    void nestedWrapper() {
      output("nestedWrapper", "Future<Optional<String>>", NotJson.OPTIONAL, "nestedWrapper()");
    }

    @Test
    @DisplayName("a Future inside a collection")
    void futureInCollection() {
      output("futures", "List<Future<String>>", NotJson.FUTURE, "futures()");
    }

    @Test
    @DisplayName("a Stream")
    void stream() {
      output("lazy", "Stream<String>", NotJson.LAZY, "lazy()");
    }

    @Test
    @DisplayName("a raw Future")
    void rawFuture() {
      output("raw", "Future", NotJson.RAW_WRAPPER, "static Future raw()");
    }

    @Test
    @DisplayName("but not Object, which travels as untyped JSON")
    void objectTravels() {
      Assertions.assertThat(compilation.errors())
          .extracting(error -> error.getMessage(null))
          .noneMatch(message -> message.contains("service anything"));
      Assertions.assertThat(compilation.errors())
          .allMatch(error -> error.getKind() == Diagnostic.Kind.ERROR)
          .hasSize(11);
    }
  }
}
