{{%AUTOESCAPE context="HTML"}}<div class="transitions">
{{#TRANSITION}}<form method="post" action="{{ACTION}}" hx-post="{{ACTION}}" hx-target="{{TARGET}}" hx-select="{{TARGET}}" hx-swap="outerHTML">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="transition" value="{{NAME}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<h3>{{LABEL}}</h3>
<p class="muted">به: {{TO_LABEL}}</p>
{{#FIELD}}<div class="field{{#FIELD_HAS_ERROR}} has-error{{/FIELD_HAS_ERROR}}">
<label for="{{FIELD_ID}}">{{FIELD_LABEL}}{{#FIELD_REQUIRED}} <span class="hint">(لازم)</span>{{/FIELD_REQUIRED}}</label>
{{#FIELD_HAS_ERROR}}<span class="error-message">{{FIELD_ERROR}}</span>{{/FIELD_HAS_ERROR}}
{{#TEXT_INPUT}}<input type="text" id="{{FIELD_ID}}" name="field_{{FIELD_NAME}}" value="{{FIELD_VALUE}}"{{#FIELD_REQUIRED}} required{{/FIELD_REQUIRED}}>{{/TEXT_INPUT}}
{{#NUMBER_INPUT}}<input type="text" inputmode="numeric" dir="ltr" id="{{FIELD_ID}}" name="field_{{FIELD_NAME}}" value="{{FIELD_VALUE}}"{{#FIELD_REQUIRED}} required{{/FIELD_REQUIRED}}>{{/NUMBER_INPUT}}
{{#SELECT_INPUT}}<select id="{{FIELD_ID}}" name="field_{{FIELD_NAME}}"{{#FIELD_REQUIRED}} required{{/FIELD_REQUIRED}}><option value="">انتخاب کنید</option>{{#CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHOICE}}</select>{{/SELECT_INPUT}}
{{#DATE_INPUT}}<input type="text" data-jdp placeholder="۱۴۰۵-۰۹-۱۰" id="{{FIELD_ID}}" name="field_{{FIELD_NAME}}" value="{{FIELD_VALUE}}"{{#FIELD_REQUIRED}} required{{/FIELD_REQUIRED}}>{{/DATE_INPUT}}
</div>{{/FIELD}}
<div class="field{{#COMMENT_HAS_ERROR}} has-error{{/COMMENT_HAS_ERROR}}">
<label for="{{COMMENT_ID}}">توضیح{{#COMMENT_REQUIRED}} <span class="hint">(لازم)</span>{{/COMMENT_REQUIRED}}</label>
{{#COMMENT_HAS_ERROR}}<span class="error-message">{{COMMENT_ERROR}}</span>{{/COMMENT_HAS_ERROR}}
<textarea id="{{COMMENT_ID}}" name="comment"{{#COMMENT_REQUIRED}} required{{/COMMENT_REQUIRED}}>{{COMMENT}}</textarea>
</div>
<button type="submit">{{LABEL}}</button>
</form>{{/TRANSITION}}
</div>
