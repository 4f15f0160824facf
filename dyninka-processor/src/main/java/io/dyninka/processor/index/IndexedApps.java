package io.dyninka.processor.index;

import io.dyninka.processor.model.AppModel;
import io.dyninka.processor.model.InputModel;
import io.dyninka.processor.model.ServiceModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** The build-index entry of an app that was just written. */
public final class IndexedApps {

  private IndexedApps() {}

  public static IndexedApp of(AppModel model) {
    List<IndexedService> services = new ArrayList<>();
    for (ServiceModel service : model.services()) {
      ExecutableElement method = service.method();
      services.add(
          new IndexedService(
              service.name(),
              ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString(),
              method.getSimpleName().toString(),
              method.getParameters().size(),
              service.kind(),
              service.inputs().stream().map(InputModel::from).toList()));
    }
    return new IndexedApp(
        model.name(),
        model.source().getQualifiedName().toString(),
        model.dataflow().getSimpleName().toString(),
        services);
  }
}
