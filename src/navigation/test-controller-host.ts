import type { ReactiveController } from 'lit';

/** A bare controller host for unit tests: the controllers need only an element that can hold them. */
export class TestControllerHost extends HTMLElement {
  controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  readonly updateComplete = Promise.resolve(true);
}
