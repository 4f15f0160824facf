/**
 * Phase 3: the immutable app model, built only from an app whose report is clean, and its manifest
 * form ({@link io.dyninka.manifest.AppManifest}).
 */
package io.dyninka.processor.model;
