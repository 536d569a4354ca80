// MARC model
