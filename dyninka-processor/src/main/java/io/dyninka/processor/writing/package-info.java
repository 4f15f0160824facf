/**
 * Phase 4: writes one service class per service and the app manifest. Generators take a clean model
 * and never report errors: they have no {@code Messager}.
 */
package io.dyninka.processor.writing;
