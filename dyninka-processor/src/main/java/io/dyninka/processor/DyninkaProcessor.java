package io.dyninka.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import io.dyninka.Dataflow;
import io.dyninka.Placed;
import io.dyninka.Service;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.checking.AppNameRegistry;
import io.dyninka.processor.checking.DataflowValidator;
import io.dyninka.processor.checking.ErrorMessages;
import io.dyninka.processor.checking.PlacedAccessValidator;
import io.dyninka.processor.checking.PlacedFieldValidator;
import io.dyninka.processor.checking.ServiceValidator;
import io.dyninka.processor.checking.UnusedServiceValidator;
import io.dyninka.processor.checking.ValidationReport;
import io.dyninka.processor.index.AppIndex;
import io.dyninka.processor.index.IndexFiles;
import io.dyninka.processor.index.IndexedApp;
import io.dyninka.processor.model.AppModel;
import io.dyninka.processor.model.AppModelFactory;
import io.dyninka.processor.reading.DataflowReader;
import io.dyninka.processor.reading.DeclarationPaths;
import io.dyninka.processor.reading.IndexedAppReader;
import io.dyninka.processor.reading.RawApp;
import io.dyninka.processor.reading.SourceSite;
import io.dyninka.processor.writing.AppOutput;
import io.dyninka.processor.writing.FilerAppOutput;
import io.dyninka.processor.writing.IndexedApps;
import io.dyninka.processor.writing.ServiceClassWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Turns each {@code @Dataflow} method into one generated class per service and the app manifest
 * {@code META-INF/dyninka/<app>.json}.
 *
 * <p>Each round: read every {@code @Dataflow} method; check the round's {@code @Service} methods
 * and {@code @Placed} fields and each app; print the reports; write the apps whose reports have no
 * error. An app whose steps name a type that is not visible yet is read again in the next round,
 * since another processor may generate that type.
 *
 * <p>An IDE recompiles the files a user changed, not the {@code @Dataflow} file that uses them. So
 * the last round also writes the build index ({@link AppIndex}), and a round whose classes hold
 * services of an indexed app whose {@code @Dataflow} class this compilation does not read writes
 * that app again, from the index and the classes as they are now.
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

  private Elements elements;
  private DeclarationPaths paths;
  private DataflowReader reader;
  private IndexedAppReader indexedReader;
  private IndexFiles indexFiles;
  private ServiceValidator serviceValidator;
  private PlacedFieldValidator placedFieldValidator;
  private PlacedAccessValidator placedAccessValidator;
  private DataflowValidator dataflowValidator;
  private final AppNameRegistry appNames = new AppNameRegistry();
  private final UnusedServiceValidator unusedServices = new UnusedServiceValidator();
  private AppModelFactory models;
  private AppOutput output;
  private ReportPrinter printer;

  /** The services used by some app of this compilation, by {@link #key}. */
  private final Set<String> usedServices = new HashSet<>();

  /** The build index that the last compilation left, read on first use. */
  private AppIndex previousIndex;

  /** The classes whose {@code @Dataflow} methods this compilation read, by canonical name. */
  private final Set<String> readOwners = new HashSet<>();

  /** Classes of apps read from the index: not compiled now, so not warned about. */
  private final Set<String> notRecompiled = new HashSet<>();

  /** The apps written by this compilation, for the build index. */
  private final Map<String, IndexedApp> written = new LinkedHashMap<>();

  private final Set<Element> writtenSources = new LinkedHashSet<>();

  /** {@code @Dataflow} methods to read again next round, by class and method name. */
  private final Set<Deferred> deferred = new LinkedHashSet<>();

  private record Deferred(String type, String method) {}

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
    elements = env.getElementUtils();
    paths = new DeclarationPaths(trees);
    reader = new DataflowReader(elements, paths);
    indexedReader = new IndexedAppReader(elements, reader);
    indexFiles = new IndexFiles(env.getFiler());
    serviceValidator = new ServiceValidator(env.getTypeUtils());
    placedFieldValidator = new PlacedFieldValidator(elements, paths);
    placedAccessValidator = new PlacedAccessValidator(elements, paths);
    dataflowValidator = new DataflowValidator(elements);
    models = new AppModelFactory(elements);
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
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              ErrorMessages.unexpectedFailure("a round of processing", stackTrace(e)));
    }
    return true;
  }

  private void processRound(RoundEnvironment round) {
    paths.newRound();
    serviceValidator.newRound();
    placedAccessValidator.newRound();
    List<RawApp> apps = read(round);
    apps.addAll(readAgain(round));

    Map<ExecutableElement, ValidationReport> services = new LinkedHashMap<>();
    for (ExecutableElement service :
        ElementFilter.methodsIn(round.getElementsAnnotatedWith(Service.class))) {
      services.put(service, checkService(service));
    }
    for (RawApp app : apps) {
      for (ExecutableElement service : app.services()) {
        if (Services.isService(service)) {
          services.computeIfAbsent(service, this::checkService);
        }
      }
    }
    Map<VariableElement, ValidationReport> fields = new LinkedHashMap<>();
    for (VariableElement field :
        ElementFilter.fieldsIn(round.getElementsAnnotatedWith(Placed.class))) {
      fields.put(field, guarded(field, () -> placedFieldValidator.validate(field)));
    }
    services.values().forEach(printer::print);
    fields.values().forEach(printer::print);

    for (RawApp app : apps) {
      app.services().forEach(service -> usedServices.add(key(service)));
      ValidationReport report = guarded(app.method(), () -> checkApp(app, services, fields));
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

  /**
   * The indexed apps that use a class of this round but whose {@code @Dataflow} class this
   * compilation has not read: an IDE recompiled a file of their services alone.
   */
  private List<RawApp> readAgain(RoundEnvironment round) {
    Map<String, TypeElement> recompiled = new LinkedHashMap<>();
    ElementFilter.typesIn(round.getRootElements()).forEach(type -> addWithNested(type, recompiled));
    if (recompiled.isEmpty()) {
      return List.of();
    }
    List<RawApp> again = new ArrayList<>();
    for (IndexedApp indexed : previousIndex().using(recompiled.keySet())) {
      if (readOwners.contains(indexed.dataflowClass()) || written.containsKey(indexed.app())) {
        continue;
      }
      TypeElement where =
          recompiled.values().stream()
              .filter(type -> indexed.uses(Set.of(type.getQualifiedName().toString())))
              .findFirst()
              .orElseThrow();
      printer.print(
          guarded(
              where,
              () -> {
                indexedReader
                    .read(indexed)
                    .ifPresent(
                        app -> {
                          again.add(app);
                          notRecompiled.add(indexed.dataflowClass());
                        });
                return ValidationReport.empty();
              }));
    }
    return again;
  }

  private static void addWithNested(TypeElement type, Map<String, TypeElement> into) {
    into.put(type.getQualifiedName().toString(), type);
    ElementFilter.typesIn(type.getEnclosedElements())
        .forEach(nested -> addWithNested(nested, into));
  }

  private AppIndex previousIndex() {
    if (previousIndex == null) {
      previousIndex = indexFiles.previous();
    }
    return previousIndex;
  }

  /**
   * Writes the build index: the last one, with the apps of this compilation in it, and without the
   * apps of the {@code @Dataflow} classes read now that were not written (gone, or with errors to
   * fix). A compilation that changes nothing in it leaves the file alone.
   */
  private void writeIndex() {
    try {
      AppIndex index = previousIndex().withoutAppsOf(readOwners).with(written.values());
      if (written.isEmpty() && index.equals(previousIndex())) {
        return;
      }
      indexFiles.write(index, writtenSources.toArray(new Element[0]));
    } catch (IOException | RuntimeException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              ErrorMessages.cannotWriteIndex(AppIndex.RESOURCE, String.valueOf(e.getMessage())));
    }
  }

  /** Reads this round's {@code @Dataflow} methods and those deferred from the last round. */
  private List<RawApp> read(RoundEnvironment round) {
    List<ExecutableElement> methods = new ArrayList<>(takeDeferred());
    methods.addAll(ElementFilter.methodsIn(round.getElementsAnnotatedWith(Dataflow.class)));
    List<RawApp> apps = new ArrayList<>();
    for (ExecutableElement method : methods) {
      readOwners.add(((TypeElement) method.getEnclosingElement()).getQualifiedName().toString());
      ValidationReport failure =
          guarded(
              method,
              () -> {
                RawApp app = reader.read(method);
                if (app.hasUnknownTypes() && !round.processingOver()) {
                  deferred.add(
                      new Deferred(
                          app.owner().getQualifiedName().toString(),
                          method.getSimpleName().toString()));
                } else {
                  apps.add(app);
                }
                return ValidationReport.empty();
              });
      printer.print(failure);
    }
    return apps;
  }

  private List<ExecutableElement> takeDeferred() {
    List<ExecutableElement> methods = new ArrayList<>();
    for (Deferred again : deferred) {
      TypeElement type = elements.getTypeElement(again.type());
      if (type == null) {
        continue;
      }
      ElementFilter.methodsIn(type.getEnclosedElements()).stream()
          .filter(method -> method.getSimpleName().contentEquals(again.method()))
          .filter(method -> method.getAnnotation(Dataflow.class) != null)
          .forEach(methods::add);
    }
    deferred.clear();
    return methods;
  }

  private ValidationReport checkService(ExecutableElement service) {
    return guarded(
        service,
        () ->
            ValidationReport.merge(
                List.of(
                    serviceValidator.validate(service), placedAccessValidator.validate(service))));
  }

  /**
   * The app's own report, with the reports of its services and of the placed fields of their
   * classes: an app is written only when all of them are clean.
   */
  private ValidationReport checkApp(
      RawApp app,
      Map<ExecutableElement, ValidationReport> services,
      Map<VariableElement, ValidationReport> fields) {
    List<ValidationReport> reports = new ArrayList<>();
    reports.add(dataflowValidator.validate(app));
    reports.add(appNames.claim(app));
    for (ExecutableElement service : app.services()) {
      reports.add(services.getOrDefault(service, ValidationReport.empty()));
      for (VariableElement field :
          ElementFilter.fieldsIn(service.getEnclosingElement().getEnclosedElements())) {
        reports.add(fields.getOrDefault(field, ValidationReport.empty()));
      }
    }
    return ValidationReport.merge(reports);
  }

  private ValidationReport write(RawApp app) {
    try {
      AppModel model = models.create(app);
      output.write(model);
      written.put(model.name(), IndexedApps.of(model));
      writtenSources.add(model.source());
      return ValidationReport.empty();
    } catch (IOException e) {
      return ValidationReport.builder()
          .error(
              ErrorMessages.cannotWrite(app.appName(), String.valueOf(e.getMessage())),
              SourceSite.OnElement.of(app.method()))
          .build();
    }
  }

  /**
   * Warns about unused services of the classes whose apps were all read by now. A class with an app
   * whose chain could not be read is left alone: what it uses is unknown.
   */
  private void warnAboutUnusedServices(List<RawApp> apps) {
    Set<String> waiting = new HashSet<>();
    deferred.forEach(again -> waiting.add(again.type()));
    apps.stream()
        .filter(app -> !app.bodyReadable())
        .forEach(app -> waiting.add(app.owner().getQualifiedName().toString()));
    waiting.addAll(notRecompiled);
    Map<String, TypeElement> owners = new TreeMap<>(Comparator.naturalOrder());
    for (RawApp app : apps) {
      String name = app.owner().getQualifiedName().toString();
      if (!waiting.contains(name)) {
        owners.put(name, app.owner());
      }
    }
    for (TypeElement owner : owners.values()) {
      printer.print(
          guarded(
              owner,
              () ->
                  unusedServices.validate(owner, service -> usedServices.contains(key(service)))));
    }
  }

  /** A name for a method that stays the same across rounds. */
  private String key(ExecutableElement method) {
    return elements.getBinaryName((TypeElement) method.getEnclosingElement()) + "#" + method;
  }

  /**
   * Runs one step for one element; an unexpected exception becomes an error on that element, so the
   * other elements go on.
   */
  private static ValidationReport guarded(Element element, Supplier<ValidationReport> step) {
    try {
      return step.get();
    } catch (RuntimeException | LinkageError e) {
      return ValidationReport.builder()
          .error(
              ErrorMessages.unexpectedFailure(element.getKind() + " " + element, stackTrace(e)),
              SourceSite.OnElement.of(element))
          .build();
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
