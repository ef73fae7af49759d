{{%AUTOESCAPE context="HTML"}}<form method="post" action="/opinions/{{ID}}/{{KIND}}" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field{{#TEXT_HAS_ERROR}} has-error{{/TEXT_HAS_ERROR}}"><label for="f-text">{{TEXT_LABEL}}</label>{{#TEXT_HAS_ERROR}}<span class="error-message">{{TEXT_ERROR}}</span>{{/TEXT_HAS_ERROR}}<textarea id="f-text" name="text" class="long" required>{{TYPED}}</textarea></div>
<fieldset class="field{{#PROVISIONS_HAS_ERROR}} has-error{{/PROVISIONS_HAS_ERROR}}" id="f-provisions">
<legend>مواد قانونی</legend>
{{#PROVISIONS_HAS_ERROR}}<span class="error-message">{{PROVISIONS_ERROR}}</span>{{/PROVISIONS_HAS_ERROR}}
{{#PROVISION}}<div class="grid">
<div><label for="f-law-{{N}}">قانون {{N_FA}}</label><input type="text" id="f-law-{{N}}" name="law" value="{{LAW}}"></div>
<div><label for="f-article-{{N}}">ماده {{N_FA}}</label><input type="text" id="f-article-{{N}}" name="article" value="{{ARTICLE}}"></div>
</div>{{/PROVISION}}
</fieldset>
<button type="submit">{{SUBMIT_LABEL}}</button>
</form>
