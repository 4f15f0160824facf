package io.dyninka.runtime.state;

/** The {@code invoice} service's main, as a generated service class is: run by the launcher. */
public final class InvoiceMain {

  private InvoiceMain() {}

  public static void main(String[] args) {
    StateServices.main(new String[] {"state", "invoice"});
  }
}
