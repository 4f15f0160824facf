package kotlin.coroutines;

/** The shape of kotlin-stdlib's continuation, the hidden last parameter of a suspend function. */
public interface Continuation<T> {}
