package io.dyninka.processor.checking;

/**
 * Every text the processor prints, defined once so the tests assert on the same words. Each message
 * names the problem and says the fix.
 */
public final class ErrorMessages {

  private static final String DNS_1035_RULE =
      "lower-case letters, digits and '-', starting with a letter, ending with a letter or digit,"
          + " at most 63 characters";

  private ErrorMessages() {}

  // --- @Service declarations -----------------------------------------------------------------

  public static String serviceNotStatic(String method) {
    return String.format(
        "@Service method %s must be static: a service is a function of its inputs, with no instance"
            + " to call it on; add the static modifier",
        method);
  }

  public static String servicePrivate(String method) {
    return String.format(
        "@Service method %s must not be private: its generated service class calls it directly"
            + " from the same package; make it package-private or public",
        method);
  }

  public static String serviceGeneric(String method) {
    return String.format(
        "@Service method %s must not be generic: its inputs and output travel as JSON, so their"
            + " types must be known at build time; replace the type variables with concrete types",
        method);
  }

  public static String serviceReturnsVoid(String method) {
    return String.format(
        "@Service method %s returns void, but a service answers with a value; return the result"
            + " (or a Future of it)",
        method);
  }

  public static String serviceNameNotDns(String service, String kubeName) {
    return String.format(
        "Service %s gets the Kubernetes name \"%s\", which is not a valid DNS-1035 label (%s);"
            + " rename the method or set @Service(name = \"...\")",
        service, kubeName, DNS_1035_RULE);
  }

  public static String inputNotJson(String parameter, String service, String type, String why) {
    return String.format(
        "Input %s of service %s has type %s, which cannot travel as JSON: %s; use a record, a POJO,"
            + " a collection, a primitive, a String or JsonObject instead",
        parameter, service, type, why);
  }

  public static String outputNotJson(String service, String type, String why) {
    return String.format(
        "The output of service %s has type %s, which cannot travel as JSON: %s; return a record, a"
            + " POJO, a collection, a primitive, a String or JsonObject instead",
        service, type, why);
  }

  /**
   * A member deep inside an input or output type that cannot travel as JSON.
   *
   * @param path where in the type: {@code Order.items[].attachment}
   * @param part {@link #inputPart} or {@link #outputPart}
   */
  public static String memberNotJson(String path, String type, String part, String why) {
    return String.format(
        "%s: %s cannot travel as JSON, in %s: %s; change the type of that member",
        path, type, part, why);
  }

  /** A member whose encoding only its value at run time decides. */
  public static String memberMaybeNotJson(String path, String type, String part, String why) {
    return String.format(
        "%s: %s may not travel as JSON, in %s: %s; a value that cannot fails at run time, so give"
            + " it a concrete type",
        path, type, part, why);
  }

  public static String inputPart(String parameter, String service) {
    return "input " + parameter + " of service " + service;
  }

  public static String outputPart(String service) {
    return "the output of service " + service;
  }

  /** Why a type of a service's input or output cannot travel between JVMs as JSON. */
  public static final class NotJson {
    public static final String THREAD = "a thread lives in one JVM";
    public static final String STREAM =
        "a stream, reader, writer or channel is an open resource of one JVM; send its content"
            + " (a String or byte[]) instead";
    public static final String SOCKET = "a socket is an open connection of one JVM";
    public static final String JDBC = "a JDBC object is bound to one connection of one JVM";
    public static final String CLASS_LOADER = "a class loader lives in one JVM";
    public static final String VERTX =
        "a Vert.x object lives in one JVM; call Dyninka.vertx() inside the service instead";
    public static final String LAZY =
        "a stream or iterator is consumed lazily in one JVM; collect it to a List";
    public static final String FUTURE =
        "only the return type itself may be an io.vertx.core.Future (for Flow.fromAsync and"
            + " .thenAsync), never an input or a type argument";
    public static final String OPTIONAL =
        "only the return type itself may be an Optional (for .thenOptional), never an input or a"
            + " type argument";
    public static final String RAW_WRAPPER =
        "a raw Future or Optional does not say what it holds; give it a type argument";
    public static final String CLASS =
        "a Class object cannot be sent between JVMs; send the class name as a String";
    public static final String FUNCTION =
        "a function (a functional interface) cannot be sent between JVMs; send data, and choose"
            + " the function inside the service";

    public static final String MAP_KEY =
        "Jackson writes a map key as a string, so it must be a String, a number, a boolean, a"
            + " char, a UUID or an enum";
    public static final String MAYBE_OBJECT =
        "an Object field may hold anything, and only its value decides";
    public static final String MAYBE_INTERFACE =
        "an interface may be implemented by a class that cannot travel, and Jackson cannot read"
            + " one back without knowing its class";
    public static final String MAYBE_RAW =
        "a raw type does not say what it holds; give it type arguments";
    public static final String MAYBE_TYPE_VARIABLE = "a type variable may stand for any type";

    private NotJson() {}
  }

  // --- steps of a chain ----------------------------------------------------------------------

  public static String lambdaStep() {
    return "A Flow step must be a method reference to a @Service method, not a lambda: each step"
        + " becomes its own HTTP service, so it needs a name; move the lambda's body into a"
        + " static @Service method and write Type::method";
  }

  public static String notAMethodReference(String step) {
    return String.format(
        "Flow step %s is not a method reference to a @Service method; write it as Type::method,"
            + " naming a static @Service method",
        step);
  }

  public static String notAService(String step, String method) {
    return String.format(
        "Flow step %s names %s, which is not a @Service method; annotate %s with @Service, or"
            + " reference a @Service method",
        step, method, method);
  }

  public static String unknownType(String step, String type) {
    return String.format(
        "Cannot find type %s of Flow step %s; write the step as Type::method with a type visible"
            + " here (nested, imported, in this package, or fully qualified)",
        type, step);
  }

  public static String unknownMethod(String step, String type, String name) {
    return String.format(
        "Type %s has no method %s, named by Flow step %s; reference an existing @Service method",
        type, name, step);
  }

  public static String ambiguousService(String step, String type, String name) {
    return String.format(
        "Type %s has several @Service methods named %s, so step %s is ambiguous; give each"
            + " overload its own name",
        type, name, step);
  }

  public static String unknownStepService(String name, String owner) {
    return String.format(
        "@Dataflow(steps) names service \"%s\", but %s has no @Service method of that name; use"
            + " the name (the method name or @Service(name)) of a @Service method of %s",
        name, owner, owner);
  }

  /**
   * A step whose Flow method does not fit the shape of what its service returns.
   *
   * @param fix what to write instead, such as {@code use .thenAsync(SmartBuilding::get)}
   */
  public static String wrongStepKind(String step, String returnType, String written, String fix) {
    return String.format(
        "Flow step %s returns %s, which %s cannot take: %s", step, returnType, written, fix);
  }

  public static String use(String written, String step) {
    return "use " + written + "(" + step + ")";
  }

  public static final String NO_OPTIONAL_SOURCE =
      "a source cannot filter an item out; return the value itself (Flow.from) or a Future of it"
          + " (Flow.fromAsync)";

  public static final String ZIP_RETURNS_VALUE =
      "a Flow.zip function must return its value itself; do asynchronous or filtering work in a"
          + " .thenAsync or .thenOptional step after the zip";

  public static String wrongArity(String step, String service, int parameters, int inputs) {
    return String.format(
        "Flow step %s gives service %s %d input(s), but it takes %d parameter(s); a source"
            + " (Flow.from, Flow.fromAsync) takes none, a .then step one, a Flow.zip function two"
            + " (fan-in cannot be written in @Dataflow(steps), write a Flow chain)",
        step, service, inputs, parameters);
  }

  /**
   * A {@code then} step whose service does not take what the flow before it yields.
   *
   * @param written the Flow call, {@code .then}
   */
  public static String thenInput(
      String written, String step, String method, String takes, String yields) {
    return String.format(
        "%s(%s): %s takes %s, but the flow before it yields %s; put a step that turns %s into %s"
            + " before it, or use a service that takes %s",
        written, step, method, takes, yields, yields, takes, yields);
  }

  /** A {@code Flow.zip} whose two flows yield what its function takes, but the other way round. */
  public static String zipSwapped(
      String step,
      String method,
      String takesFirst,
      String takesSecond,
      String firstYields,
      String secondYields) {
    return String.format(
        "Flow.zip(first, second, %s): %s takes (%s, %s), but first yields %s and second yields %s;"
            + " swap first and second",
        step, method, takesFirst, takesSecond, firstYields, secondYields);
  }

  /**
   * A {@code Flow.zip} one of whose flows yields what its function does not take.
   *
   * @param side {@code first} or {@code second}, as {@code Flow.zip} names its flows
   */
  public static String zipInput(
      String step, String side, String method, String takes, String yields) {
    return String.format(
        "Flow.zip(first, second, %s): the %s parameter of %s takes %s, but %s yields %s; end %s"
            + " with a step that yields %s, or use a service that takes %s there",
        step, side, method, takes, side, yields, side, takes, yields);
  }

  public static String serviceNotAccessible(String method, String pkg) {
    return String.format(
        "@Service method %s is not visible from package %s, where its generated service class"
            + " lives; make the method and the classes around it public",
        method, pkg);
  }

  // --- chains and apps -------------------------------------------------------------------------

  public static String noChain(String method) {
    return String.format(
        "@Dataflow method %s holds no Flow chain; return (or assign) one chain that starts with"
            + " Flow.from, Flow.fromAsync, Flow.input or Flow.zip, or list the services in"
            + " @Dataflow(steps = {...})",
        method);
  }

  public static String moreThanOneChain(String method) {
    return String.format(
        "@Dataflow method %s holds more than one Flow chain; write the app as one chain"
            + " expression, from its head to its last step, and put each other app in its own"
            + " @Dataflow method",
        method);
  }

  public static String unknownChainHead() {
    return "This Flow chain does not start with Flow.from, Flow.fromAsync, Flow.input, Flow.zip"
        + " or a local Flow variable of this method; write the whole chain as one expression, from"
        + " its head to its last step, or hold a sub-flow in a local Flow variable";
  }

  public static String flowVariableReassigned(String variable) {
    return String.format(
        "Flow variable %s is assigned again; a Flow variable names one sub-flow, so declare it"
            + " once (effectively final) and hold another sub-flow in a new variable",
        variable);
  }

  public static String flowVariableUnused(String variable) {
    return String.format(
        "Flow variable %s is not used by the app's chain; its steps are not part of the app",
        variable);
  }

  public static String flowVariableCycle(String variable) {
    return String.format(
        "Flow variable %s is used in its own initializer; a sub-flow cannot feed itself, so"
            + " start it from Flow.input, Flow.from, Flow.fromAsync, Flow.zip or an earlier"
            + " Flow variable",
        variable);
  }

  public static String chainWithoutService() {
    return "This Flow chain has no service; add a step such as .then(Type::method)";
  }

  public static String bodyNotReadable(String method) {
    return String.format(
        "Cannot read the body of @Dataflow method %s (this compiler does not show method bodies to"
            + " annotation processors); list the chain as @Dataflow(steps = {\"first\", \"second\","
            + " ...})",
        method);
  }

  public static String serviceUsedTwice(String service, String app) {
    return String.format(
        "Service %s is used twice in app %s; each use would be the same HTTP service with two"
            + " upstreams, so write a second @Service method (it may call the first) for the"
            + " second use",
        service, app);
  }

  public static String duplicateServiceName(String app, String name, String first, String second) {
    return String.format(
        "Two services of app %s are named %s: %s and %s; give one of them another name with"
            + " @Service(name = \"...\")",
        app, name, first, second);
  }

  public static String duplicateKubeName(String app, String kubeName, String first, String second) {
    return String.format(
        "Services %s and %s of app %s both get the Kubernetes name %s; rename one of them with"
            + " @Service(name = \"...\")",
        first, second, app, kubeName);
  }

  public static String appNameNotDns(String app) {
    return String.format(
        "App name \"%s\" is not a valid DNS-1035 label (%s); set @Dataflow(name = \"...\") to a"
            + " valid name",
        app, DNS_1035_RULE);
  }

  public static String duplicateAppName(String app) {
    return String.format(
        "Another @Dataflow app is already named %s; give each app its own name with"
            + " @Dataflow(name = \"...\")",
        app);
  }

  // --- @Placed ---------------------------------------------------------------------------------

  public static String placedNotStatic(String field) {
    return String.format(
        "@Placed field %s must be static: it is state of a service function, which has no"
            + " instance; add the static modifier",
        field);
  }

  /** Appended to a message about an unknown name that is close to a known one. */
  public static String didYouMean(String known) {
    return "; did you mean '" + known + "'?";
  }

  public static String placedOnUnknownService(String field, String service, String owner) {
    return String.format(
        "@Placed field %s is placed on service %s, but %s has no @Service of that name; name a"
            + " @Service method of %s (its method name or @Service(name))",
        field, service, owner, owner);
  }

  /**
   * @param access {@code reads} or {@code writes}
   * @param field the field as {@code Class.field}
   * @param owner the service the field is placed on
   */
  public static String placedFieldAccess(
      String service, String access, String field, String owner) {
    return String.format(
        "Service %s %s @Placed field %s, which is state of service %s only: each service runs in"
            + " its own JVM, so %s would see a copy that %s never updates; move this code into %s,"
            + " or pass the value along the flow",
        service, access, field, owner, service, owner, owner);
  }

  public static String placedInitializerNotConstant(String field, String owner) {
    return String.format(
        "@Placed field %s has an initializer that is not a constant, and it runs in the JVM of"
            + " every service of its class, not only in %s; use a constant, or initialize the field"
            + " inside %s on first use",
        field, owner, owner);
  }

  // --- Kotlin sources, seen through kapt's stubs
  // --------------------------------------------------

  public static String kotlinBodyNotReadable(String function) {
    return String.format(
        "Cannot read the chain of @Dataflow function %s: kapt shows annotation processors Java stubs"
            + " of Kotlin code, without function bodies; list the chain as @Dataflow(steps ="
            + " [\"first\", \"second\", ...])",
        function);
  }

  public static String kotlinServiceNotStatic(String function) {
    return String.format(
        "@Service function %s must be static on the JVM: a service is a function of its inputs,"
            + " with no instance to call it on; make it a top-level function (an extension function"
            + " if it has one main input), or annotate it with @JvmStatic in an object",
        function);
  }

  public static String kotlinServicePrivate(String function) {
    return String.format(
        "@Service function %s must not be private: its generated service class, Java code of its"
            + " own, calls it directly; remove the private modifier (public and internal both work)",
        function);
  }

  public static String kotlinSuspendService(String function) {
    return String.format(
        "@Service function %s is a suspend function, which a generated service cannot call; make"
            + " it a plain function that returns an io.vertx.core.Future (from a coroutine, for"
            + " example through Future.fromCompletionStage)",
        function);
  }

  public static String receiverNotJson(String service, String type, String why) {
    return String.format(
        "The receiver of service %s has type %s, which cannot travel as JSON: %s; use a data"
            + " class, a collection, a primitive, a String or JsonObject instead",
        service, type, why);
  }

  public static String kotlinPlacedNotStatic(String property) {
    return String.format(
        "@Placed property %s must be static on the JVM: it is state of a service function, which"
            + " has no instance; declare it at the top level of the file or in an object",
        property);
  }

  // --- unused services and failures ------------------------------------------------------------

  public static String unusedService(String method, String owner) {
    return String.format(
        "@Service method %s is used by no flow in %s, so no service is generated for it; use it"
            + " in a chain, or remove @Service",
        method, owner);
  }

  /** How an unexpected failure of the processor starts, whatever the element. */
  public static final String UNEXPECTED_FAILURE =
      "The Dyninka processor failed unexpectedly on this element";

  public static String unexpectedFailure(String what, String stackTrace) {
    return String.format(
        "%s (%s); nothing was generated for it. Please report this, with the stack trace:%n%s",
        UNEXPECTED_FAILURE, what, stackTrace);
  }

  public static String cannotWriteIndex(String path, String what) {
    return String.format(
        "Cannot write the build index %s: %s; the apps were written, but an IDE that recompiles a"
            + " service's file alone may leave their manifests behind until the next full build",
        path, what);
  }

  public static String cannotWrite(String app, String what) {
    return String.format(
        "Cannot write the services of app %s: %s; check the class output directory and that no"
            + " other @Dataflow writes the same files",
        app, what);
  }
}
