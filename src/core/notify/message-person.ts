/** A person as a message names them. */
export interface MessagePerson {
  name: string;
  email: string;
  department: string;
}
