package io.dyninka.processor;

import static io.dyninka.processor.checking.ValidationReport.guarded;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import io.dyninka.Dataflow;
import io.dyninka.Placed;
import io.dyninka.Service;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.checking.ErrorMessages;
import io.dyninka.processor.checking.RoundChecks;
import io.dyninka.processor.checking.UnusedServiceValidator;
import io.dyninka.processor.checking.ValidationReport;
import io.dyninka.processor.index.AppIndex;
import io.dyninka.processor.index.IncrementalRebuild;
import io.dyninka.processor.index.IndexFiles;
import io.dyninka.processor.model.AppModel;
import io.dyninka.processor.model.AppModelFactory;
import io.dyninka.processor.reading.DataflowReader;
import io.dyninka.processor.reading.DeclarationPaths;
import io.dyninka.processor.reading.DeferredDataflows;
import io.dyninka.processor.reading.IndexedAppReader;
import io.dyninka.processor.reading.RawApp;
import io.dyninka.processor.reading.SourceSite;
import io.dyninka.processor.writing.AppOutput;
import io.dyninka.processor.writing.FilerAppOutput;
import io.dyninka.processor.writing.ServiceClassWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Turns each {@code @Dataflow} method into one generated class per service and the app manifest
 * {@code META-INF/dyninka/<app>.json}.
 *
 * <p>Each round: read every {@code @Dataflow} method; check the round's {@code @Service} methods
 * and {@code @Placed} fields and each app; print the reports; write the apps whose reports have no
 * error. An app whose steps name a type that is not visible yet is read again in the next round
 * ({@link DeferredDataflows}), since another processor may generate that type. Apps whose services
 * an IDE recompiled without their {@code @Dataflow} class are read from the build index ({@link
 * IncrementalRebuild}), which the last round writes.
 *
 * <p>{@link #process} never throws: an unexpected exception becomes an error on the element at
 * hand, and the other elements go on.
 *
 * <p>It claims its annotations ({@code process} returns {@code true}). They are Dyninka's own, so
 * no other processor has a use for them, and an unclaimed annotation is a warning under {@code
 * -Xlint:all}, which would break a user's build with {@code -Werror}. For the same reason it claims
 * {@code @Generated} (see {@link #getSupportedAnnotationTypes}).
 */
@AutoService(Processor.class)
public final class DyninkaProcessor extends AbstractProcessor {

  private final Function<ProcessingEnvironment, AppOutput> outputs;

  private DeclarationPaths paths;
  private DataflowReader reader;
  private IndexedAppReader indexedReader;
  private DeferredDataflows deferred;
  private IncrementalRebuild incremental;
  private RoundChecks checks;
  private UnusedServiceValidator unusedServices;
  private AppModelFactory models;
  private AppOutput output;
  private ReportPrinter printer;

  /** The processor javac finds through {@code META-INF/services}. */
  public DyninkaProcessor() {
    this(DyninkaProcessor::filerOutput);
  }

  /** A test seam: the outputs go where {@code outputs} says instead of the Filer. */
  DyninkaProcessor(Function<ProcessingEnvironment, AppOutput> outputs) {
    this.outputs = outputs;
  }

  private static AppOutput filerOutput(ProcessingEnvironment env) {
    boolean generatedAvailable =
        env.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    return new FilerAppOutput(
        env.getFiler(), new ServiceClassWriter(env.getTypeUtils(), generatedAvailable));
  }

  /**
   * Dyninka's annotations, and {@code @Generated}, which the service classes carry: it would be
   * unclaimed in the round that compiles them, a warning under {@code -Xlint:all}. Nothing is done
   * with it; claiming it only tells javac that a processor saw it.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        Dataflow.class.getName(),
        Service.class.getName(),
        Placed.class.getName(),
        ServiceClassWriter.GENERATED.canonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Trees trees = treesOf(env);
    paths = new DeclarationPaths(trees);
    reader = new DataflowReader(env.getElementUtils(), paths);
    indexedReader = new IndexedAppReader(env.getElementUtils(), reader);
    deferred = new DeferredDataflows(env.getElementUtils());
    incremental = new IncrementalRebuild(new IndexFiles(env.getFiler()));
    checks = new RoundChecks(env.getElementUtils(), env.getTypeUtils(), paths);
    unusedServices = new UnusedServiceValidator(env.getElementUtils());
    models = new AppModelFactory(env.getElementUtils());
    output = outputs.apply(env);
    printer = new ReportPrinter(env.getMessager(), trees);
  }

  /**
   * The Compiler Tree API, or {@code null} when the compiler is not javac (the Eclipse compiler, a
   * wrapped environment): then only {@code @Dataflow(steps)} can be read.
   */
  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (RuntimeException | LinkageError notJavac) {
      // LinkageError: a runtime without the jdk.compiler module, as some IDEs run on.
      return null;
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (RuntimeException | LinkageError e) {
      // Each element is guarded on its own; this is for a failure between them.
      error(
          ErrorMessages.unexpectedFailure("a round of processing", ValidationReport.stackTrace(e)));
    }
    return true;
  }

  private void processRound(RoundEnvironment round) {
    paths.newRound();
    checks.newRound();
    List<RawApp> apps = read(round);
    apps.addAll(readAgain(round));

    Map<ExecutableElement, ValidationReport> services = new LinkedHashMap<>();
    for (ExecutableElement service :
        ElementFilter.methodsIn(round.getElementsAnnotatedWith(Service.class))) {
      services.put(service, checks.service(service));
    }
    for (RawApp app : apps) {
      for (ExecutableElement service : app.services()) {
        if (Services.isService(service)) {
          services.computeIfAbsent(service, checks::service);
        }
      }
    }
    Map<VariableElement, ValidationReport> fields = new LinkedHashMap<>();
    for (VariableElement field :
        ElementFilter.fieldsIn(round.getElementsAnnotatedWith(Placed.class))) {
      fields.put(field, checks.placedField(field));
    }
    services.values().forEach(printer::print);
    fields.values().forEach(printer::print);

    for (RawApp app : apps) {
      unusedServices.use(app);
      ValidationReport report = checks.app(app, services, fields);
      printer.print(report);
      if (!report.hasErrors()) {
        printer.print(guarded(app.method(), () -> write(app)));
      }
    }
    warnAboutUnusedServices(apps);
    if (round.processingOver()) {
      writeIndex();
    }
  }

  /** Reads this round's {@code @Dataflow} methods and those deferred from the last round. */
  private List<RawApp> read(RoundEnvironment round) {
    List<ExecutableElement> methods = new ArrayList<>(deferred.take());
    methods.addAll(ElementFilter.methodsIn(round.getElementsAnnotatedWith(Dataflow.class)));
    List<RawApp> apps = new ArrayList<>();
    for (ExecutableElement method : methods) {
      incremental.readDataflowsOf((TypeElement) method.getEnclosingElement());
      printer.print(
          guarded(
              method,
              () -> {
                RawApp app = reader.read(method);
                if (app.hasUnknownTypes() && !round.processingOver()) {
                  deferred.defer(app);
                } else {
                  apps.add(app);
                }
                return ValidationReport.empty();
              }));
    }
    return apps;
  }

  /** The indexed apps that use a class of this round without their {@code @Dataflow} class. */
  private List<RawApp> readAgain(RoundEnvironment round) {
    List<RawApp> again = new ArrayList<>();
    for (IncrementalRebuild.Rebuild rebuild :
        incremental.toRebuild(ElementFilter.typesIn(round.getRootElements()))) {
      printer.print(
          guarded(
              rebuild.where(),
              () -> {
                indexedReader
                    .read(rebuild.app())
                    .ifPresent(
                        app -> {
                          again.add(app);
                          incremental.readFromIndex(rebuild);
                        });
                return ValidationReport.empty();
              }));
    }
    return again;
  }

  private ValidationReport write(RawApp app) {
    try {
      AppModel model = models.create(app);
      output.write(model);
      incremental.written(model);
      return ValidationReport.empty();
    } catch (IOException e) {
      return ValidationReport.builder()
          .error(
              ErrorMessages.cannotWrite(app.appName(), String.valueOf(e.getMessage())),
              SourceSite.OnElement.of(app.method()))
          .build();
    }
  }

  private void writeIndex() {
    try {
      incremental.writeIndex();
    } catch (IOException | RuntimeException e) {
      error(ErrorMessages.cannotWriteIndex(AppIndex.RESOURCE, String.valueOf(e.getMessage())));
    }
  }

  /**
   * Warns about unused services of the classes whose apps were all read by now. A class with an app
   * whose chain could not be read is left alone: what it uses is unknown.
   */
  private void warnAboutUnusedServices(List<RawApp> apps) {
    Set<String> waiting = new HashSet<>(deferred.waitingClasses());
    waiting.addAll(incremental.notRecompiled());
    apps.stream()
        .filter(app -> !app.bodyReadable())
        .forEach(app -> waiting.add(app.owner().getQualifiedName().toString()));
    Map<String, TypeElement> owners = new TreeMap<>();
    for (RawApp app : apps) {
      String name = app.owner().getQualifiedName().toString();
      if (!waiting.contains(name)) {
        owners.put(name, app.owner());
      }
    }
    owners
        .values()
        .forEach(owner -> printer.print(guarded(owner, () -> unusedServices.validate(owner))));
  }

  private void error(String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message);
  }
}
